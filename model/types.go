package model

import (
	"errors"
	"time"
)

// State is the role or condition of a management module.
type State int

const (
	Absent          State = iota // slot empty
	Booting                      // ROM, profile menu, image load, selftest, waiting for a role
	TakingOver                   // a standby finishing its boot to become active
	Active                       // managing the switch
	Standby                      // ready to take over
	WarmStandby                  // paused before syncing: its software is not compatible with the active's
	Offline                      // not used for redundancy: redundancy disabled
	OfflineIncompat              // not used: incompatible software and the active cannot hold a warm standby
	Failed                       // failed selftest or hardware
	Shutdown                     // shut down with the MM Shutdown button: safe to remove
)

var stateNames = [...]string{"absent", "booting", "taking-over", "active", "standby", "warm-standby",
	"offline", "offline-incompatible", "failed", "shutdown"}

func (s State) String() string {
	if int(s) < len(stateNames) {
		return stateNames[s]
	}
	return "unknown"
}

// Ready reports whether a module in this state can take over.
func (s State) Ready() bool { return s == Standby || s == WarmStandby }

// Stage is how far a booting module has come.
type Stage int

const (
	StageNone      Stage = iota
	StageROM             // ROM banner
	StageProfile         // waiting for a boot profile choice
	StageMonitor         // in the ROM monitor
	StageLoading         // loading the image
	StageROMUpdate       // writing a new boot ROM, reboot follows
	StageSelftest        // running selftest
	StageWaitRole        // passed selftest, waiting for the election
	StageSyncing         // receiving images or files from the active before standby
	StageFinishing       // finishing the boot to become active
)

var stageNames = [...]string{"", "rom", "profile", "monitor", "loading", "rom-update", "selftest",
	"wait-role", "syncing", "finishing"}

func (s Stage) String() string {
	if int(s) < len(stageNames) {
		return stageNames[s]
	}
	return "unknown"
}

// Bank is one of a management module's two flash images.
type Bank int

const (
	Primary Bank = iota
	Secondary
)

func (b Bank) String() string {
	if b == Secondary {
		return "secondary"
	}
	return "primary"
}

// Other is the other bank.
func (b Bank) Other() Bank { return 1 - b }

// ParseBank reads "primary" or "secondary".
func ParseBank(s string) (Bank, bool) {
	switch s {
	case "primary":
		return Primary, true
	case "secondary":
		return Secondary, true
	}
	return 0, false
}

// Cause is why a module went down or a switchover happened. Vendors
// render it (ProCurve: "Operator warm reload from CONSOLE session.").
type Cause int

const (
	CauseNone           Cause = iota
	CausePowerFailure         // power lost: no crash record is saved
	CauseWarmReload           // reload
	CauseColdReboot           // boot, boot system
	CauseSwitchover           // redundancy switchover
	CauseResetButton          // MM Reset pressed
	CauseShutdownButton       // MM Shutdown pressed
	CauseCrash                // software crash
	CauseHeartbeat            // the standby lost the active's heartbeat
	CauseHotswapOut           // pulled out
	CauseHardware             // hardware failure
	CauseImageUpdate          // standby rebooted to the image matching the active
	CauseROMUpdate            // rebooted after writing a new boot ROM
	CauseEraseStartup         // erase startup-config
	CauseScheduled            // reload at/after
)

var causeNames = [...]string{"", "power-failure", "warm-reload", "cold-reboot", "switchover", "reset-button",
	"shutdown-button", "crash", "heartbeat", "hotswap-out", "hardware", "image-update", "rom-update",
	"erase-startup", "scheduled"}

func (c Cause) String() string {
	if int(c) < len(causeNames) {
		return causeNames[c]
	}
	return "unknown"
}

// ParseCause is the inverse of String.
func ParseCause(s string) (Cause, bool) {
	for i, n := range causeNames {
		if n == s && i > 0 {
			return Cause(i), true
		}
	}
	return 0, false
}

// Origin says who asked for an operation: the kind of session ("CONSOLE",
// "SSH", "TELNET") and its peer, for crash records and log lines.
type Origin struct {
	Session string
	Peer    string
}

// Errors returned by mutations. Each leaves the chassis unchanged.
var (
	ErrNoActive        = errors.New("model: no active management module")
	ErrNoStandby       = errors.New("model: the other management module does not exist or is not in standby mode")
	ErrNotPresent      = errors.New("model: the other management module is not present")
	ErrTargetNotReady  = errors.New("model: the specified module is not present or is in failed state")
	ErrBothFabrics     = errors.New("model: one fabric module must stay enabled")
	ErrNoSuchModule    = errors.New("model: no such module")
	ErrNoSuchSlot      = errors.New("model: no such slot")
	ErrSlotOccupied    = errors.New("model: slot is occupied")
	ErrSlotEmpty       = errors.New("model: slot is empty")
	ErrNotBooting      = errors.New("model: module is not at the boot profile prompt")
	ErrNoImage         = errors.New("model: no image in that flash")
	ErrBusy            = errors.New("model: a transfer is already in progress")
	ErrShutdownIgnored = errors.New("model: other management module is not in standby, shutdown request ignored")
	ErrNoSuchVLAN      = errors.New("model: no such VLAN")
	ErrDefaultVLAN     = errors.New("model: the default VLAN cannot be deleted")
	ErrNoSuchPort      = errors.New("model: no such port")
	ErrNoSuchConfig    = errors.New("model: no such configuration file")
	ErrReloadPending   = errors.New("model: no reload is scheduled")
	ErrConfigInUse     = errors.New("model: the configuration file is the one a flash boots with")
)

// Timings holds every duration the chassis uses, in one table. The
// defaults come from Figure 15-31's real boot where it gives them, and are
// otherwise our own estimates (marked so, and listed in the README).
type Timings struct {
	// Power-on to the selftest result is 2m07s in Figure 15-31
	// (17:34:07 to 17:36:14); split as ProfileWait + Load + Selftest.
	ProfileWait time.Duration // the boot profile prompt waits this long (estimate: "a few seconds")
	Load        time.Duration // ROM to image running (estimate, fills 15-31's total)
	Selftest    time.Duration // selftest (estimate, fills 15-31's total)
	Finish      time.Duration // selftest result to "Booted"/"Active": 5 s in Figure 15-31
	ROMUpdate   time.Duration // writing a new boot ROM before the reboot (estimate)

	SlotInsert    time.Duration // "Booted" to a slot's "Downloading": 8 s in Figure 15-31
	SlotDownload  time.Duration // "Downloading" to "Download Complete": 2 s in Figure 15-31
	SlotReady     time.Duration // "Download Complete" to "Ready": 15 s in Figure 15-31
	Takeover      time.Duration // a standby finishing its boot on switchover (estimate: same as Finish)
	ConfigSync    time.Duration // config and security files to the standby (estimate)
	OSSyncRate    int64         // bytes per second when copying an image to the standby (estimate: "a couple of minutes")
	TFTPRate      int64         // bytes per second of a TFTP download (estimate)
	InstallRate   int64         // bytes per second installing a downloaded image into a bank; 0: at once
	TFTPTimeout   time.Duration // an unreachable TFTP server gives up after this (estimate)
	HeartbeatLoss time.Duration // the standby declares the active lost after this (estimate)
}

// DefaultTimings is the one table of real durations.
func DefaultTimings() Timings {
	return Timings{
		ProfileWait:   3 * time.Second,
		Load:          64 * time.Second,
		Selftest:      60 * time.Second,
		Finish:        5 * time.Second,
		ROMUpdate:     20 * time.Second,
		SlotInsert:    8 * time.Second,
		SlotDownload:  2 * time.Second,
		SlotReady:     15 * time.Second,
		Takeover:      5 * time.Second,
		ConfigSync:    2 * time.Second,
		OSSyncRate:    100 * 1024,
		TFTPRate:      1024 * 1024,
		TFTPTimeout:   10 * time.Second,
		HeartbeatLoss: 3 * time.Second,
	}
}

// BootTotal is power-on to selftest result.
func (t Timings) BootTotal() time.Duration { return t.ProfileWait + t.Load + t.Selftest }

// WithHumanFloor keeps the waits that are for a person (the boot profile
// menu's) at least floor of wall time when every duration runs at scale
// of its length (--time-scale): in chassis time they last at least
// floor/scale. The other durations are the machine's and stay scaled.
func (t Timings) WithHumanFloor(floor time.Duration, scale float64) Timings {
	if floor <= 0 || scale <= 0 {
		return t
	}
	if min := time.Duration(float64(floor) / scale); t.ProfileWait < min {
		t.ProfileWait = min
	}
	return t
}
