// Package commands defines what a vendor is to the rest of switchsim: a
// Shell per CLI session (prompt, help, completion, execution), the boot
// output and module-state texts of its consoles, and the rules it gives the
// chassis. Vendor folders (procurve/, later exos/, sros/, junos/) implement
// it; the console drives it without knowing any vendor.
package commands

import (
	"errors"
	"time"

	"github.com/switchsim/switchsim/model"
)

// Errors a Shell returns from Run.
var (
	// ErrLogout ends the session (logout, exit at the top level).
	ErrLogout = errors.New("commands: logout")
	// ErrFailed marks a command that printed an error (for exec exit status).
	ErrFailed = errors.New("commands: command failed")
	// ErrInterrupted: the session was interrupted (its module changed role
	// or the connection closed) while the command waited.
	ErrInterrupted = errors.New("commands: interrupted")
	// ErrCancelled: ^C at a typed prompt (ReadLine, Word) abandoned it.
	ErrCancelled = errors.New("commands: cancelled")
)

// Answer is the reply to a single-key question.
type Answer int

const (
	No Answer = iota
	Yes
	Cancel // ^C, or Enter, where the question offers it
)

// Question is a single-key question: the keys y and n (either case)
// answer it, and a CR/LF typed right after the key is swallowed (the
// answer took effect on the key).
type Question struct {
	// Text is printed as it is (it carries its own "[y/n]? ").
	Text string
	// Cancel makes ^C an answer (Cancel); elsewhere ^C is ignored.
	Cancel bool
	// Enter, when EnterAnswers is set, is the answer an Enter gives
	// ("(y/N)": No; "<cr> - cancel": Cancel); otherwise Enter is ignored.
	EnterAnswers bool
	Enter        Answer
	// Echo is what the answer prints before the line ends ("Yes"); nil
	// echoes the key typed.
	Echo func(a Answer) string
}

// Terminal is the session's screen and keyboard as a handler sees them.
// The console implements it; handlers never see bytes or escape codes.
type Terminal interface {
	// Print writes screen text; "\n" ends a line. Command output goes
	// through the pager.
	Print(s string)
	// Confirm asks a single-key [y/n] question (the question text includes
	// its own "[y/n]? "); cancel makes ^C an answer (Cancel).
	Confirm(question string, cancel bool) (Answer, error)
	// Ask asks a single-key question.
	Ask(q Question) (Answer, error)
	// Word asks a question answered by a typed word and Enter (Junos
	// "[yes,no] (no)"): Enter alone gives def, a word that begins exactly
	// one of words gives that word, anything else asks again. ^C gives
	// ErrCancelled.
	Word(question string, words []string, def string) (string, error)
	// ReadLine prompts for a line (user names, passwords); echo false
	// hides what is typed. ^C gives ErrCancelled.
	ReadLine(prompt string, echo bool) (string, error)
	// AnyKey waits for one key ("Press any key to continue").
	AnyKey() error
	// Wait blocks until cond (checked under the chassis lock after every
	// change) is true, or the session is interrupted.
	Wait(cond func(c *model.Chassis) bool) error
}

// Host is the chassis a session runs against. Mutations go through Do,
// which locks, brings the model's clock to now, runs fn and delivers the
// events after unlocking.
type Host interface {
	Do(fn func(c *model.Chassis) error) error
	View(fn func(c *model.Chassis))
	// TFTP fetches an image description from the TFTP stand-in, and
	// TFTPPut stores a file sent to it (copy crash-log).
	TFTP(server, file string) (*model.Image, error)
	TFTPPut(server, file string, data []byte) error
	// KillOthers ends the other CLI sessions of the active module ("kill").
	KillOthers(s *Session) int
	Now() time.Time
	// TFTPGet reads a file from the TFTP stand-in (copy tftp
	// startup-config): what was uploaded to it.
	TFTPGet(server, file string) ([]byte, error)
	// Users lists the CLI sessions of the active module ("show users"),
	// as they logged in; Self marks s.
	Users(s *Session) []User
	// HostPublicKey is the SSH host key the chassis serves, as an
	// authorized_keys line ("" when "clear crypto" removed it).
	HostPublicKey() string
}

// User is one CLI session as a listing of sessions shows it.
type User struct {
	Transport string // "SSH", "TELNET" or "CONSOLE"
	Peer      string // remote address ("" on a console)
	User      string // the login name, when the login gave one
	Self      bool
	// Module is the management module the session runs on and Since
	// when it logged in (zero for a console port).
	Module int
	Since  time.Time
}

// TFTP stand-in errors (each vendor prints its own text).
var (
	ErrTFTPNotFound    = errors.New("tftp: file not found")
	ErrTFTPUnreadable  = errors.New("tftp: file not readable")
	ErrTFTPUnreachable = errors.New("tftp: server unreachable")
	ErrTFTPBadImage    = errors.New("tftp: not a software image")
)

// Session is one CLI session's state, shared by the console and the
// vendor's handlers.
type Session struct {
	Host      Host
	Module    int    // management module index the CLI runs on
	Transport string // "SSH", "TELNET" or "CONSOLE"
	Peer      string // remote address
	User      string
	Manager   bool // manager (privileged) level
	// Since is when the session logged in (the chassis clock).
	Since time.Time
	// Exec: one command from ssh exec; no banner, no pager, no dialogs.
	Exec bool
	// Width and Height of the terminal; terminal width/length and
	// window-change set them.
	Width, Height int
	// Paging: the pager is on for this session.
	Paging bool
	// History is the lines this session ran, oldest first (the console
	// keeps it; "show history" reads it).
	History []string
	// OnLogin, when set, is called once the session is past its login
	// (its first prompt); OnAuthFail after each wrong login the shell
	// itself asks for (telnet), to slow a guesser down.
	OnLogin    func()
	OnAuthFail func()
}

// Origin is how the session appears in crash records.
func (s *Session) Origin() model.Origin {
	return model.Origin{Session: s.Transport, Peer: s.Peer}
}

// Shell is a vendor's CLI for one session.
type Shell interface {
	// Welcome prints what comes before the first prompt (banner, "Press
	// any key") on an interactive session.
	Welcome(t Terminal) error
	// Prompt is the prompt for the current mode.
	Prompt() string
	// Run executes one line. ErrLogout ends the session; ErrFailed says
	// the command printed an error.
	Run(t Terminal, line string) error
	// Help is the `?` output for the line typed so far.
	Help(line string) string
	// Complete returns what Tab inserts, and a listing to show when the
	// word is ambiguous.
	Complete(line string) (insert string, listing string)
}

// Vendor is one vendor: its chassis rules, built-in scenarios, CLI and
// console behaviour and texts. A vendor lives in commands/<vendor> (spec
// lines, handlers, renderers, profile) and prompts/<vendor> (texts with
// their sources); vendors/ lists them. The engine (model, console,
// server, scenario) never names a vendor: whatever differs between
// vendors is asked of this interface.
type Vendor interface {
	// Name is the vendor's name in scenarios ("procurve").
	Name() string
	// Profile is what the chassis model and the scenario reader take from
	// the vendor: slot names, defaults and redundancy rules.
	Profile() *model.Profile
	// Scenarios are the vendor's built-in scenarios.
	Scenarios() []Scenario
	// Shell returns the CLI for a session on a module in the given state
	// (the active CLI, or the standby's), or nil for none.
	Shell(s *Session, state model.State) Shell
	// Boot renders a piece of boot output for module i's console.
	Boot(out model.ConsoleOut, c *model.Chassis, i int) string
	// Idle is what a console shows when its module runs no CLI (absent,
	// failed, shut down, offline), or "" to show nothing.
	Idle(c *model.Chassis, i int) string
	// Console is how a module console takes input while its module
	// boots, and whether its CLI survives a role change.
	Console() ConsolePolicy
	// Texts are the texts the engine prints for the vendor and what
	// clients need to know to talk to it.
	Texts() Texts
}

// Scenario is a built-in chassis of a vendor, chosen by name
// ("switchsim serve --scenario bd8810").
type Scenario struct {
	Name    string
	Summary string // one line for "switchsim scenarios"
	YAML    []byte
}

// ConsolePolicy is how a module console behaves where vendors differ.
type ConsolePolicy struct {
	// ProfileKey maps a key typed at the boot profile prompt to a choice
	// for model.SelectProfile (echoing the key); nil: keys are ignored.
	ProfileKey func(key byte) (choice int, ok bool)
	// MonitorLine answers a line typed at the ROM monitor: boot leaves the
	// monitor and boots, otherwise reply is printed.
	MonitorLine func(line string) (boot bool, reply string)
	// KeepCLI reports whether the CLI on a module console (and a
	// management session) survives its module changing role from one
	// state to another (a demoted Junos RE); nil: a new role starts a new
	// CLI session.
	KeepCLI func(from, to model.State) bool
	// Paint, when set, is how the vendor's CLI paints an interactive
	// terminal (paint.go); nil: plain text, for every chassis.
	Paint PaintPolicy
}

// Texts are what the engine prints for a vendor, and what a client must
// know to talk to it.
type Texts struct {
	// Pager is the pager prompt; percent is how far the output has come,
	// or -1 when not known.
	Pager func(percent int) string
	// PagerAnyKey: any key shows the next page (only q quits); otherwise
	// Space pages, Enter shows a line and q or ^C quits.
	PagerAnyKey bool
	// SessionLimit is printed to a session refused for the session limit,
	// IdleTimeout to one ended by the idle timer.
	SessionLimit string
	IdleTimeout  string
	// Prompt is a regular expression matching the CLI prompt at the end
	// of output (for test helpers and load generators).
	Prompt string
	// AnyKey is what an interactive login waits for a key after ("Press
	// any key to continue"), "" when none.
	AnyKey string
	// NetmikoType and AnsibleOS name the vendor's drivers
	// ("hp_procurve", "community.network.aruba").
	NetmikoType string
	AnsibleOS   string
	// BenchCommand is a command every CLI session can run, and
	// BenchExpect a word of its output (for "switchsim bench").
	BenchCommand string
	BenchExpect  string
}
