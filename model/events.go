package model

import "time"

// EventKind tells the caller what to deliver.
type EventKind int

const (
	EvLog         EventKind = iota + 1 // a log entry was added
	EvModule                           // a management module changed state or stage
	EvEndSessions                      // CLI sessions running on Module must end (EOF)
	EvConsole                          // boot output for Module's console
	EvActive                           // the active module changed; Module is the new one or -1
	EvTransfer                         // the download finished (Transfer says how)
	EvWake                             // a time a session waits for has come (WakeAt)
	EvSync                             // a copy to the standby finished (SyncResult says how)
)

// Event is one thing a mutation or a timer caused.
type Event struct {
	Kind    EventKind
	Module  int // management module index, -1 for none
	Log     LogEntry
	Console ConsoleOut
	// State and Stage of Module when an EvModule was emitted: a batch of
	// events may hold several, and each must report its own moment.
	State State
	Stage Stage
}

// ConsoleKind is a piece of boot output on a module's serial console.
type ConsoleKind int

const (
	ConROM            ConsoleKind = iota + 1 // ROM banner, profile menu and prompt (Bank = default)
	ConProfile                               // a profile was taken (Bank; Typed: chosen by a key, else timed out)
	ConMonitor                               // entered the ROM monitor
	ConLoaded                                // the image is running
	ConROMUpdate                             // writing a new boot ROM (ROM), reboot follows
	ConSelftestFailed                        // selftest failed
	ConDown                                  // the module is going down (Cause)
	ConShutdown                              // shut down, safe to remove
	ConNoImage                               // no software in the chosen flash
	ConSyncing                               // receiving images from the active before standby
	ConTakeover                              // the standby is taking over from the active (Cause)
	ConActive                                // the module is now the active one; Takeover: after a switchover
)

// ConsoleOut describes boot output as data for the vendor to render.
type ConsoleOut struct {
	Kind  ConsoleKind
	Bank  Bank
	Typed bool
	ROM   ROM
	Cause Cause
	Image *Image
	// Takeover (ConActive): the module took over from the active one
	// instead of booting the system.
	Takeover bool
}

// Msg is a kind of event-log message. Vendors give each its number,
// severity, subsystem and words.
type Msg int

const (
	MsgLiteral         Msg = iota // a vendor's own line: Severity, Code, Subsystem, Text
	MsgReboot                     // the system rebooted: Args = cause, session kind
	MsgBootSeparator              // the divider written when the system boots
	MsgDownNoCrash                // module went down without saving crash information
	MsgDown                       // module went down
	MsgSelftestFatal              // boot-up selftest failed
	MsgBooted                     // module booted
	MsgActive                     // module is active
	MsgStandby                    // module is in standby mode
	MsgOfflineDisabled            // offline (redundancy disabled)
	MsgFailedSelftest             // module failed selftest
	MsgLostComm                   // lost communication with module
	MsgResetting                  // resetting module
	MsgDifferentSW                // module runs a different software version
	MsgFailover                   // failover occurred; Module is the new active
	MsgUserSwitchover             // user initiated switchover; Module is the new active
	MsgOfflineIncompat            // offline (incompatible software versions)
	MsgShutdownIgnored            // other module not in standby, shutdown ignored
	MsgOfflineShutdown            // offline (shutdown)
	MsgOSSync                     // syncing an OS image (Args[0] = bank) to the standby
	MsgStandbyReboot              // standby boot image updated, rebooting standby
	MsgSyncBegin                  // initial active to standby sync started
	MsgSyncEnd                    // initial active to standby sync complete
	MsgFabricInserted             // fabric Args[0] inserted
	MsgSlotInserted               // slot Args[0] inserted
	MsgSlotDownloading            // slot Args[0] downloading
	MsgSlotDownloaded             // slot Args[0] download complete
	MsgSlotReady                  // slot Args[0] ready
	MsgSession                    // a CLI session started: Args = kind, peer, level
	MsgROMUpdate                  // boot ROM updated to Args[0]
	MsgLoginFailed                // a login was refused: Args = kind, peer, user
	MsgSyncFailed                 // a copy to the standby (Module) failed: Args = kind (config, boot-env), flash fault
	MsgSyncAlarmClear             // the synchronization alarm cleared: Args = kind, fault
	msgCount
)

var msgNames = [...]string{"literal", "reboot", "boot-separator", "down-no-crash", "down",
	"selftest-fatal", "booted", "active", "standby", "offline-disabled", "failed-selftest", "lost-comm",
	"resetting", "different-sw", "failover", "user-switchover", "offline-incompat", "shutdown-ignored",
	"offline-shutdown", "os-sync", "standby-reboot", "sync-begin", "sync-end", "fabric-inserted",
	"slot-inserted", "slot-downloading", "slot-downloaded", "slot-ready", "session", "rom-update", "login-failed",
	"sync-failed", "sync-alarm-clear"}

func (m Msg) String() string {
	if int(m) < len(msgNames) {
		return msgNames[m]
	}
	return "unknown"
}

// ParseMsg is the inverse of String, for seeded log entries.
func ParseMsg(s string) (Msg, bool) {
	for i, n := range msgNames {
		if n == s {
			return Msg(i), true
		}
	}
	return 0, false
}

// LogEntry is one event-log line as data.
type LogEntry struct {
	Time   time.Time `json:"time"`
	Epoch  int       `json:"epoch"`
	Msg    Msg       `json:"msg"`
	Module int       `json:"module,omitempty"` // 1-based management module slot the line is about
	Args   []string  `json:"args,omitempty"`
	// Node is the 1-based slot of the module in control (active or
	// taking over) when the line was logged, 0 for none: the node that
	// logged it.
	Node int `json:"node,omitempty"`
	// For MsgLiteral only.
	Severity  string `json:"severity,omitempty"`
	Code      int    `json:"code,omitempty"`
	Subsystem string `json:"subsystem,omitempty"`
	Text      string `json:"text,omitempty"`
}

// CrashRecord is a module's saved crash information.
type CrashRecord struct {
	Time   time.Time `json:"time"`
	State  State     `json:"state"` // the role it had when it went down
	Cause  Cause     `json:"cause"`
	Origin Origin    `json:"origin"`
}

func (c *Chassis) log(msg Msg, module int, args ...string) {
	e := LogEntry{Time: c.now, Epoch: c.Epoch, Msg: msg, Module: module, Args: args}
	c.appendLog(e)
}

// appendLog adds an entry, keeping the log bounded like a real switch's
// event log buffer.
func (c *Chassis) appendLog(e LogEntry) {
	if a := c.activeOrTakingOver(); a != nil {
		e.Node = a.Slot
	}
	c.Log = append(c.Log, e)
	if len(c.Log) > maxLog {
		c.Log = append([]LogEntry(nil), c.Log[len(c.Log)-maxLog:]...)
	}
	c.logRev++
	c.emit(Event{Kind: EvLog, Module: -1, Log: e})
}

// maxLog bounds the event log.
const maxLog = 2000

// logLiteral appends a vendor line (its time and epoch are set here).
func (c *Chassis) logLiteral(e LogEntry) {
	e.Msg = MsgLiteral
	e.Time = c.now
	e.Epoch = c.Epoch
	c.appendLog(e)
}

// LogSession records a CLI login (kind "CONSOLE", "SSH", "TELNET").
func (c *Chassis) LogSession(kind, peer, level string) {
	c.log(MsgSession, 0, kind, peer, level)
}

// LogLoginFailed records a refused login (a wrong user name or password).
func (c *Chassis) LogLoginFailed(kind, peer, user string) {
	c.log(MsgLoginFailed, 0, kind, peer, user)
}

func (c *Chassis) console(m *Module, out ConsoleOut) {
	c.emit(Event{Kind: EvConsole, Module: c.Index(m), Console: out})
}

func (c *Chassis) changed(m *Module) {
	c.emit(Event{Kind: EvModule, Module: c.Index(m), State: m.State, Stage: m.Stage})
}

// crash saves a crash record for a module going down (none for a power
// failure: "went down without saving crash information").
func (c *Chassis) crash(m *Module, cause Cause, o Origin) {
	if cause == CausePowerFailure || cause == CauseNone {
		return
	}
	c.touch()
	rec := CrashRecord{Time: c.now, State: m.State, Cause: cause, Origin: o}
	m.Crashes = append([]CrashRecord{rec}, m.Crashes...)
	if len(m.Crashes) > 10 {
		m.Crashes = m.Crashes[:10]
	}
}
