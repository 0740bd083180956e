package sros

import (
	"net/netip"
	"strings"

	"github.com/switchsim/switchsim/commands"
	"github.com/switchsim/switchsim/parser"
)

// command is one spec of the tree, written from the root.
type command = commands.Command[*ctx]

// leaf is a command that runs; context one that the session may enter.
func leaf(spec string, help []string, run func(*ctx) error) *command {
	return &command{Spec: spec, Help: help, Run: run}
}

func context(spec string, help []string, name string, enter func(*ctx) (bool, error)) *command {
	return &command{Spec: spec, Help: help, Context: name, Enter: enter}
}

// Help strings shared by many commands. The words of the globals are the
// 7750 "help globals" listing's (FACTS 3.2), those of the redundancy
// commands manual 003's; the others are ours.
const (
	hAdmin     = "Commands for administrative operations"
	hConfigure = "Configure system parameters"
	hShow      = "Show commands"
	hFile      = "Commands for file operations"
	hEnv       = "Commands to configure the CLI session environment"
	hNo        = "Negate a command or set its defaults"
	hRedAdmin  = "Allows the user to perform redundancy operations."
	hRedConfig = "Configure redundancy parameters"
	hAutoSync  = "Performs an automatically triggered standby CPM/CFM synchronization."
	hBootEnv   = "The boot environment: images, BOF and configuration files"
	hConfigKw  = "The configuration files"
	hSystem    = "Configure system-wide parameters"
	hCard      = "Configure an IOM card"
	hSlot      = "IOM slot number"
	hMDA       = "Configure an MDA"
	hMDANum    = "MDA number"
	hPort      = "Configure a port"
	hPortID    = "Port id: slot/mda/port"
	hRouter    = "Configure the base router instance"
	hIface     = "Configure a router interface"
	hIfName    = "Interface name"
	hDescr     = "Description text"
	hDescrKw   = "Configure a description"
	hShutdown  = "Administratively disable the entity"
	hAddress   = "Configure the IP address"
	hPrefix    = "IP address and prefix length: a.b.c.d/n"
	hPortKw    = "Bind the interface to a port"
	hNow       = "Without asking for confirmation"
	hMore      = "Pause output at each page"
	hSavedInd  = "Show '*' in the prompt while there are unsaved changes"
)

// table is every command of the active CPM's CLI, from the root.
var table = []*command{
	context("admin", []string{hAdmin}, "admin", nil),
	leaf("admin save [detail] [index]", []string{hAdmin, "Save the configuration to the file the BOF names", "Save defaults too", "Save the index file too"}, adminSave),
	leaf("admin save index detail", []string{hAdmin, "Save the configuration to the file the BOF names", "Save the index file too", "Save defaults too"}, adminSave),
	leaf("admin display-config [detail]", []string{hAdmin, "Display the running configuration", "Display defaults too"}, displayConfig),
	leaf("admin reboot [<active|standby>] [now]", []string{hAdmin, "Reboot the system or a CPM", "Reboot the active CPM: the standby takes over", "Reboot the standby CPM", hNow}, adminReboot),
	context("admin redundancy", []string{hAdmin, hRedAdmin}, "redundancy", nil),
	leaf("admin redundancy force-switchover [now]", []string{hAdmin, hRedAdmin, "Forces a switchover to the standby CPM/CFM card.", "Switch to standby CPM/CFM."}, forceSwitchover),
	leaf("admin redundancy synchronize <boot-env|config>", []string{hAdmin, hRedAdmin, "Synchronizes the secondary CPM/CFM.", hBootEnv, hConfigKw}, adminSync),

	context("configure", []string{hConfigure}, "config", nil),
	context("configure system", []string{hConfigure, hSystem}, "system", nil),
	leaf("configure system name NAME:string", []string{hConfigure, hSystem, "Configure the system name", "System name"}, setName),
	leaf("configure system contact TEXT:string", []string{hConfigure, hSystem, "Configure the system contact", "Contact text"}, setContact),
	leaf("configure system location TEXT:string", []string{hConfigure, hSystem, "Configure the system location", "Location text"}, setLocation),
	leaf("configure system no <contact|location>", []string{hConfigure, hSystem, hNo, "Remove the system contact", "Remove the system location"}, noSystemText),
	context("configure redundancy", []string{hConfigure, hRedConfig}, "redundancy", nil),
	leaf("configure redundancy synchronize <boot-env|config>", []string{hConfigure, hRedConfig, hAutoSync, hBootEnv, hConfigKw}, setSync),
	leaf("configure redundancy no synchronize", []string{hConfigure, hRedConfig, hNo, hAutoSync}, noSync),
	context("configure card SLOT:int(1-10)", []string{hConfigure, hCard, hSlot}, "card", enterCard),
	context("configure card SLOT:int(1-10) mda MDA:int(1-2)", []string{hConfigure, hCard, hSlot, hMDA, hMDANum}, "mda", enterMDA),
	context("configure port PORT:port", []string{hConfigure, hPort, hPortID}, "port", enterPort),
	leaf("configure port PORT:port description TEXT:string", []string{hConfigure, hPort, hPortID, hDescrKw, hDescr}, portDescription),
	leaf("configure port PORT:port no description", []string{hConfigure, hPort, hPortID, hNo, hDescrKw}, portNoDescription),
	leaf("configure port PORT:port shutdown", []string{hConfigure, hPort, hPortID, hShutdown}, portShutdown),
	leaf("configure port PORT:port no shutdown", []string{hConfigure, hPort, hPortID, hNo, hShutdown}, portNoShutdown),
	context("configure router", []string{hConfigure, hRouter}, "router", nil),
	context("configure router interface NAME:string", []string{hConfigure, hRouter, hIface, hIfName}, "if", enterIface),
	leaf("configure router no interface NAME:string", []string{hConfigure, hRouter, hNo, hIface, hIfName}, noIface),
	leaf("configure router interface NAME:string address PREFIX:prefix", []string{hConfigure, hRouter, hIface, hIfName, hAddress, hPrefix}, ifaceAddress),
	leaf("configure router interface NAME:string port PORT:port", []string{hConfigure, hRouter, hIface, hIfName, hPortKw, hPortID}, ifacePort),
	leaf("configure router interface NAME:string description TEXT:string", []string{hConfigure, hRouter, hIface, hIfName, hDescrKw, hDescr}, ifaceDescription),
	leaf("configure router interface NAME:string shutdown", []string{hConfigure, hRouter, hIface, hIfName, hShutdown}, ifaceShutdown),
	leaf("configure router interface NAME:string no <address|port|description|shutdown>", []string{hConfigure, hRouter, hIface, hIfName, hNo, hAddress, hPortKw, hDescrKw, hShutdown}, ifaceNo),

	context("show", []string{hShow}, "show", nil),
	leaf("show version", []string{hShow, "Display the software version"}, showVersion),
	leaf("show system information", []string{hShow, "Display system information", "Display general system information"}, showSystemInformation),
	leaf("show card [state]", []string{hShow, "Display card information", "Display the state of every card and MDA"}, showCard),
	leaf("show mda", []string{hShow, "Display MDA information"}, showMDA),
	leaf("show bof", []string{hShow, "Display the boot options file"}, showBOF),
	leaf("show redundancy synchronization", []string{hShow, "Display redundancy information", "Display the standby CPM's synchronization"}, showRedundancySync),
	leaf("show log log-id ID:int(1-100)", []string{hShow, "Display event logs", "Display one event log", "Log id"}, showLog),
	leaf("show port [PORT:port]", []string{hShow, "Display port information", hPortID}, showPort),
	leaf("show router interface", []string{hShow, "Display router information", "Display the router interfaces"}, showRouterInterface),
	leaf("show users", []string{hShow, "Display the users logged in"}, showUsers),

	context("file", []string{hFile}, "file", nil),
	leaf("file dir [URL:word]", []string{hFile, "Display a directory of a compact flash", "Directory or file: cf3:, cf3-A:, cf3-B: and a path"}, fileDir),
	leaf("file type URL:word", []string{hFile, "Display the contents of a file", "File: cf3:\\name, cf3-A:\\name, cf3-B:\\name"}, fileType),

	context("environment", []string{hEnv}, "environment", nil),
	leaf("environment more", []string{hEnv, hMore}, envMore),
	leaf("environment no <more|saved-ind-prompt>", []string{hEnv, hNo, hMore, hSavedInd}, envNo),
	leaf("environment saved-ind-prompt", []string{hEnv, hSavedInd}, envSavedInd),
	leaf("environment terminal length LINES:int(1-512)", []string{hEnv, "Configure the terminal", "Lines per page", "Number of lines"}, envLength),
	leaf("environment terminal width COLUMNS:int(1-512)", []string{hEnv, "Configure the terminal", "Columns", "Number of columns"}, envWidth),

	leaf("enable-admin", []string{"Enable the user to become a system administrator"}, enableAdmin),
}

// globals are valid in every context.
var globals = []*command{
	leaf("back", []string{"Go back a level in the command tree"}, back),
	leaf("exit [all]", []string{"Exit to intermediate mode - use option all to exit to root prompt", "Exit to the root prompt"}, exit),
	leaf("info [detail]", []string{"Display configuration for the present node", "Display defaults too"}, info),
	leaf("logout", []string{"Log off this system"}, logout),
}

// types are the parameter types of the table.
var types = func() parser.Types {
	ts := parser.BuiltinTypes()
	ts["port"] = &parser.ParamType{Name: "port", Looks: func(v string) bool { return strings.Contains(v, "/") },
		Check: func(v string) string {
			if looksPort(v) {
				return ""
			}
			return "not a port id"
		}}
	ts["prefix"] = &parser.ParamType{Name: "prefix", Looks: func(v string) bool { return strings.Trim(v, "0123456789./") == "" },
		Check: func(v string) string {
			p, err := netip.ParsePrefix(v)
			if err != nil || !p.Addr().Is4() {
				return "not an IPv4 prefix"
			}
			return ""
		}}
	return ts
}()

// graphs is the compiled tree.
var graphs = commands.BuildContextTree(types, parser.Policy{}, table, globals)
