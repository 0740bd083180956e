package exos

import (
	"github.com/switchsim/switchsim/commands"
	"github.com/switchsim/switchsim/parser"
	tx "github.com/switchsim/switchsim/prompts/exos"
)

// Where a command is valid: the admin account ("#") and the user account
// (">"). The backup MSM's console has the admin graph; its handlers
// refuse what only the master can do.
const (
	inAdmin commands.Modes = 1 << iota
	inUser

	inAll = inAdmin | inUser
)

type command = commands.Command[*ctx]

// ctx is what a handler gets: the generic context, the shell, and the
// prompt the line was typed after (for carets).
type ctx struct {
	commands.Ctx
	sh     *Shell
	prompt string
}

// cmd is a command the backup console runs too.
func cmd(spec string, help []string, in commands.Modes, run func(*ctx) error) *command {
	return &command{Spec: spec, Help: help, In: in, Run: run}
}

// master is a command only the master runs; on the backup's console it
// answers "Error: This command can only be executed on Master."
func master(spec string, help []string, in commands.Modes, run func(*ctx) error) *command {
	return cmd(spec, help, in, func(x *ctx) error {
		if x.sh.backup {
			return x.Fail(tx.MasterOnly)
		}
		return run(x)
	})
}

// Help strings: our wording (no `?` listing of a 15.x switch was found),
// in the style of EXOS help ("Show ...", "Configure ...").
const (
	hShow      = "Show system information"
	hConfigure = "Configure system parameters"
	hCreate    = "Create a new object"
	hDelete    = "Delete an object"
	hDisable   = "Disable a feature"
	hEnable    = "Enable a feature"
	hVLAN      = "Virtual LAN"
	hVLANName  = "VLAN name"
	hPorts     = "Port list, for example 1:1-4,2:3"
	hPrimary   = "Primary partition"
	hSecondary = "Secondary partition"
	hMSM       = "Management switch module"
	hA         = "MSM-A"
	hB         = "MSM-B"
	hImage     = "Software image"
	hClipaging = "Pausing at the end of each page of output"
	hCLI       = "Command line interface settings"
	hPrompting = "Questions before commands that change the switch"
	hSNMP      = "SNMP system information"
	hConfigF   = "Configuration"
	hDetail    = "Include default settings"
)

var table = []*command{
	// show commands
	cmd("show switch [detail]", []string{hShow, "Switch information", "Detailed switch information"}, inAll, showSwitch),
	cmd("show version [images]", []string{hShow, "Hardware and software versions", "Software images in each partition"}, inAll, showVersion),
	cmd("show log", []string{hShow, "Event log messages"}, inAll, showLog),
	master("show slot", []string{hShow, "Slots and their modules"}, inAll, showSlot),
	master("show vlan", []string{hShow, hVLAN}, inAll, showVLAN),
	master("show configuration [detail]", []string{hShow, hConfigF, hDetail}, inAdmin, showConfiguration),
	master("show configuration MODULE:word [detail]", []string{hShow, hConfigF, "Module name (devmgr, vlan)", hDetail}, inAdmin, showConfiguration),
	master("debug cfgmgr show configuration file FILE:word", []string{"Debugging commands", "Configuration manager", hShow, hConfigF, "A saved configuration file", "File name (primary, secondary.cfg)"}, inAdmin, debugShowFile),

	// session
	cmd("disable clipaging", []string{hDisable, hClipaging}, inAll, disableClipaging),
	cmd("enable clipaging", []string{hEnable, hClipaging}, inAll, enableClipaging),
	cmd("disable cli prompting", []string{hDisable, hCLI, hPrompting}, inAll, disablePrompting),
	cmd("enable cli prompting", []string{hEnable, hCLI, hPrompting}, inAll, enablePrompting),
	cmd("configure cli columns COLUMNS:int(80-256)", []string{hConfigure, hCLI, "Screen width", "Number of columns"}, inAll, cliColumns),
	cmd("exit", []string{"Log out of this session"}, inAll, logout),
	cmd("logout", []string{"Log out of this session"}, inAll, logout),
	cmd("quit", []string{"Log out of this session"}, inAll, logout),

	// configuration
	master("save [configuration] [<primary|secondary>]", []string{"Save the configuration", hConfigF, "Save to primary.cfg", "Save to secondary.cfg"}, inAdmin, saveConfiguration),
	master("configure snmp sysName NAME:string", []string{hConfigure, hSNMP, "The switch's name", "Name"}, inAdmin, snmpSet),
	master("configure snmp sysContact CONTACT:string", []string{hConfigure, hSNMP, "Contact information", "Contact"}, inAdmin, snmpSet),
	master("configure snmp sysLocation LOCATION:string", []string{hConfigure, hSNMP, "The switch's location", "Location"}, inAdmin, snmpSet),
	master("create vlan NAME:name [tag TAG:int(1-4094)]", []string{hCreate, hVLAN, hVLANName, "802.1Q tag", "Tag"}, inAdmin, createVLAN),
	master("configure vlan NAME:name tag TAG:int(1-4094)", []string{hConfigure, hVLAN, hVLANName, "802.1Q tag", "Tag"}, inAdmin, tagVLAN),
	master("configure vlan NAME:name add ports PORTS:word [<tagged|untagged>]", []string{hConfigure, hVLAN, hVLANName, "Add ports", "Ports", hPorts, "802.1Q tagged", "Untagged"}, inAdmin, addPorts),
	master("configure vlan NAME:name delete ports PORTS:word", []string{hConfigure, hVLAN, hVLANName, "Delete ports", "Ports", hPorts}, inAdmin, deletePorts),
	master("delete vlan NAME:name", []string{hDelete, hVLAN, hVLANName}, inAdmin, deleteVLAN),

	// software and redundancy
	master("download image [<active|inactive>] HOST:word FILE:word [vr VR:word] [block-size SIZE:int(24-65000)] [<primary|secondary>] [msm <A|B>]",
		[]string{"Download a file", hImage, "The partition the MSM runs", "The partition the MSM does not run", "TFTP server name or IP address", "Image file name",
			"Virtual router", "Virtual router name", "TFTP block size", "Bytes", hPrimary, hSecondary, hMSM, hA, hB}, inAdmin, downloadImage),
	master("install image FILE:word [<primary|secondary>] [msm <A|B>]",
		[]string{"Install software", hImage, "Image file name", hPrimary, hSecondary, hMSM, hA, hB}, inAdmin, installImage),
	master("use image [partition] <primary|secondary> [msm <A|B>]",
		[]string{"Select what to boot next", hImage, "Partition", hPrimary, hSecondary, hMSM, hA, hB}, inAdmin, useImage),
	master("reboot [msm <A|B>]", []string{"Reboot the switch", hMSM, hA, hB}, inAdmin, reboot),
	master("synchronize", []string{"Copy the master's images and configuration to the backup MSM and reboot it"}, inAdmin, synchronize),
	master("run msm-failover [force]", []string{"Run a command", "Make the backup MSM the master", "Even if the backup MSM is not in sync"}, inAdmin, failover),
}

// types adds a VLAN name (a word that starts with a letter) to the
// builtin parameter types.
func types() parser.Types {
	t := parser.BuiltinTypes()
	t["name"] = &parser.ParamType{Name: "name", Check: func(v string) string {
		if v == "" || !(v[0] >= 'a' && v[0] <= 'z' || v[0] >= 'A' && v[0] <= 'Z') {
			return "a VLAN name starts with a letter"
		}
		return ""
	}}
	return t
}

var graphs struct {
	admin, user *parser.Graph
}

func init() {
	ty := types()
	graphs.admin = commands.BuildGraph(inAdmin, ty, parser.Policy{}, table)
	graphs.user = commands.BuildGraph(inUser, ty, parser.Policy{}, table)
}
