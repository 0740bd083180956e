package junos

import (
	"fmt"
	"strconv"

	"github.com/switchsim/switchsim/commands"
	"github.com/switchsim/switchsim/model"
	"github.com/switchsim/switchsim/parser"
	tx "github.com/switchsim/switchsim/prompts/junos"
)

// ctx is what an operational or configuration handler gets.
type ctx struct {
	commands.Ctx
	sh *Shell
}

// modes of the command tables
const (
	mOp commands.Modes = 1 << iota
	mConfig
)

// policy: keywords match by unique prefix, in their own case.
var policy = parser.Policy{CaseSensitive: true}

// uintType is a number in a range, refused in Junos's words.
func uintType(name string, lo, hi uint64) *parser.ParamType {
	return &parser.ParamType{Name: name, Check: func(v string) string {
		n, err := strconv.ParseUint(v, 10, 64)
		if err != nil {
			return fmt.Sprintf(tx.BadNumber, v)
		}
		if n < lo || n > hi {
			return fmt.Sprintf(tx.OutOfRange, v, fmt.Sprintf("%d..%d", lo, hi))
		}
		return ""
	}}
}

var junosTypes = func() parser.Types {
	t := parser.BuiltinTypes()
	t["length"] = uintType("length", 0, 100000)
	t["width"] = uintType("width", 0, 1024)
	t["lines"] = uintType("lines", 1, 100000)
	t["rollback"] = uintType("rollback", 0, 49)
	t["minutes"] = uintType("minutes", 1, 65535)
	t["levels"] = uintType("levels", 1, 100)
	t["ifname"] = &parser.ParamType{Name: "ifname", Check: func(v string) string {
		base := v
		if i := indexByte(v, '.'); i >= 0 {
			base = v[:i]
		}
		if !ifRe.MatchString(base) && base != "em0" && base != "em1" {
			return fmt.Sprintf(tx.BadInterface, v)
		}
		return ""
	}}
	t["text"] = &parser.ParamType{Name: "text", Rest: true, Check: func(string) string { return "" }}
	return t
}()

func indexByte(s string, b byte) int {
	for i := 0; i < len(s); i++ {
		if s[i] == b {
			return i
		}
	}
	return -1
}

// opPathVerbs are the operational commands whose tail is a
// configuration path.
var opPathVerbs = map[string]verb{"show configuration": vShow}

var opTable = []*commands.Command[*ctx]{
	{Spec: "show version [invoke-on all-routing-engines]", In: mOp,
		Help: []string{"Show system information", "Show software process revision levels", "Invoke the command on other Routing Engines", "Invoke the command on all Routing Engines"},
		Run: func(x *ctx) error {
			return x.Render(func(c *model.Chassis) string { return showVersion(c, x.sh, x.Has("invoke-on")) })
		}},
	{Spec: "show chassis hardware", In: mOp,
		Help: []string{"Show system information", "Show chassis information", "Show installed hardware components"},
		Run:  func(x *ctx) error { return x.Render(showHardware) }},
	{Spec: "show chassis routing-engine", In: mOp,
		Help: []string{"Show system information", "Show chassis information", "Show Routing Engine information"},
		Run:  func(x *ctx) error { return x.Render(showRoutingEngine) }},
	{Spec: "show system uptime", In: mOp,
		Help: []string{"Show system information", "Show system information", "Show time since the system rebooted"},
		Run: func(x *ctx) error {
			n := len(x.S.Host.Users(x.S))
			return x.Render(func(c *model.Chassis) string { return showUptime(c, x.sh, n) })
		}},
	{Spec: "show system storage", In: mOp,
		Help: []string{"Show system information", "Show system information", "Show local storage data"},
		Run:  func(x *ctx) error { x.Print(tx.Storage); return nil }},
	{Spec: "show system users", In: mOp,
		Help: []string{"Show system information", "Show system information", "Show user activity information"},
		Run: func(x *ctx) error {
			list := x.S.Host.Users(x.S)
			return x.Render(func(c *model.Chassis) string { return showUsers(c, x.sh, list) })
		}},
	{Spec: "show system switchover", In: mOp,
		Help: []string{"Show system information", "Show system information", "Display graceful switchover information"},
		Run:  showSwitchover},
	{Spec: "show system commit", In: mOp,
		Help: []string{"Show system information", "Show system information", "Show pending commit requests (if any) and commit history"},
		Run: func(x *ctx) error {
			return x.Render(func(c *model.Chassis) string { return showCommits(c, x.S.Module) })
		}},
	{Spec: "show task replication", In: mOp,
		Help: []string{"Show system information", "Show routing protocol per-task information", "Show replication status"},
		Run: func(x *ctx) error {
			return x.Render(func(c *model.Chassis) string { return showReplication(c, x.S.Module) })
		}},
	{Spec: "show interfaces terse [INTERFACE:ifname]", In: mOp,
		Help: []string{"Show system information", "Show interface information", "Display terse output", "Name of physical or logical interface"},
		Run: func(x *ctx) error {
			return x.Render(func(c *model.Chassis) string { return showTerse(c, x.S.Module, x.Value("INTERFACE")) })
		}},
	{Spec: "show configuration", In: mOp,
		Help: []string{"Show system information", "Show current configuration"},
		Run:  func(x *ctx) error { return x.sh.showConfiguration(x.T, vShow, "", 0, "", 0) }},
	{Spec: "show log messages", In: mOp,
		Help: []string{"Show system information", "Show contents of log file", "Name of log file"},
		Run:  func(x *ctx) error { return x.Render(showLog) }},
	{Spec: "configure [<exclusive|private>]", In: mOp,
		Help: []string{"Manipulate software configuration information", "Obtain exclusive lock (other users cannot make changes)", "Work in private database (other users cannot make changes)"},
		Run:  func(x *ctx) error { return x.sh.enterConfig(x) }},
	{Spec: "edit [<exclusive|private>]", In: mOp,
		Help: []string{"Edit configuration (alias for configure)", "Obtain exclusive lock (other users cannot make changes)", "Work in private database (other users cannot make changes)"},
		Run:  func(x *ctx) error { return x.sh.enterConfig(x) }},
	{Spec: "set cli screen-length LENGTH:length", In: mOp,
		Help: []string{"Set CLI properties, date/time, craft interface message", "Set CLI properties", "Set number of lines on screen", "Number of lines (0..100000)"},
		Run:  setScreenLength},
	{Spec: "set cli screen-width WIDTH:width", In: mOp,
		Help: []string{"Set CLI properties, date/time, craft interface message", "Set CLI properties", "Set width of display", "Number of characters in a line (0..1024)"},
		Run:  setScreenWidth},
	{Spec: "set cli complete-on-space <on|off>", In: mOp,
		Help: []string{"Set CLI properties, date/time, craft interface message", "Set CLI properties", "Set whether typing space completes current word", "Enable complete-on-space", "Disable complete-on-space"},
		Run: func(x *ctx) error {
			x.sh.completeOnSpace = x.Has("on")
			if x.sh.completeOnSpace {
				x.Print(tx.CompleteOnSpaceOn + "\n")
			} else {
				x.Print(tx.CompleteOnSpaceOff + "\n")
			}
			return nil
		}},
	{Spec: "set cli timestamp [disable]", In: mOp,
		Help: []string{"Set CLI properties, date/time, craft interface message", "Set CLI properties", "Timestamp CLI output", "Disable timestamping"},
		Run: func(x *ctx) error {
			on := !x.Has("disable")
			if on && !x.sh.timestamp && !x.S.Exec {
				// the command's own output is timestamped already
				x.Print(x.S.Host.Now().Format(tx.TimestampFormat) + "\n")
			}
			x.sh.timestamp = on
			if on {
				x.Print(tx.TimestampOn + "\n")
			} else {
				x.Print(tx.TimestampOff + "\n")
			}
			return nil
		}},
	{Spec: "set cli terminal <ansi|small-xterm|vt100|xterm>", In: mOp,
		Help: []string{"Set CLI properties, date/time, craft interface message", "Set CLI properties", "Set terminal type", "ANSI-compatible terminal", "Small xterm window (24 lines)", "VT100-compatible terminal", "Large xterm window (65 lines)"},
		Run:  func(x *ctx) error { return nil }},
	{Spec: "request chassis routing-engine master switch [check]", In: mOp,
		Help: []string{"Make system-level requests", "Perform chassis-specific operations", "Routing Engine status", "Control mastership between Routing Engines", "Toggle mastership between Routing Engines", "Check if switchover is ready"},
		Run:  masterSwitch},
	{Spec: "request system reboot [in-service]", In: mOp,
		Help: []string{"Make system-level requests", "System-level operations", "Reboot the system", "In-service software reboot (keep forwarding)"},
		Run:  rebootCmd},
	{Spec: "request routing-engine login <other-routing-engine|re0|re1>", In: mOp,
		Help: []string{"Make system-level requests", "Routing Engine information", "Log in to the other Routing Engine", "Log in to the other Routing Engine", "Routing Engine 0", "Routing Engine 1"},
		Run:  rlogin},
	{Spec: "exit", In: mOp, Help: []string{"Exit the management session"},
		Run: func(x *ctx) error { return x.sh.logout() }},
	{Spec: "quit", In: mOp, Help: []string{"Exit the management session"},
		Run: func(x *ctx) error { return x.sh.logout() }},
}

var opGraph = commands.BuildGraph(mOp, junosTypes, policy, opTable)

// logout ends the session, or the rlogin to the other RE.
func (sh *Shell) logout() error {
	if sh.nested {
		return errRloginExit
	}
	return commands.ErrLogout
}

func setScreenLength(x *ctx) error {
	n, _ := strconv.Atoi(x.Value("LENGTH"))
	if n == 0 {
		x.S.Paging = false
	} else {
		x.S.Paging = true
		x.S.Height = n
	}
	x.Print(fmt.Sprintf(tx.ScreenLength, n) + "\n")
	return nil
}

func setScreenWidth(x *ctx) error {
	n, _ := strconv.Atoi(x.Value("WIDTH"))
	x.S.Width = n
	x.Print(fmt.Sprintf(tx.ScreenWidth, n) + "\n")
	return nil
}
