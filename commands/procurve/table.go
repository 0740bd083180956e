package procurve

import (
	"github.com/switchsim/switchsim/commands"
	"github.com/switchsim/switchsim/parser"
)

// CLI modes: the graphs a command belongs to.
const (
	inOperator commands.Modes = 1 << iota // operator level ">"
	inManager                             // manager level "#"
	inConfig                              // (config)#
	inVLAN                                // (vlan-N)#
	inIface                               // (eth-X)#
	inStandby                             // Standby Console>

	inExec    = inOperator | inManager
	inContext = inVLAN | inIface
	// inAnyMgr: manager commands work in every manager mode, as on the
	// real switch (the manual's figures run them at "(config)#").
	inAnyMgr = inManager | inConfig | inContext
	inAll    = inExec | inConfig | inContext
)

// command is one spec with its help lines, where it is valid, and what it
// does.
type command = commands.Command[*ctx]

// cmd is one line of the table.
func cmd(spec string, help []string, in commands.Modes, run func(*ctx) error) *command {
	return &command{Spec: spec, Help: help, In: in, Run: run}
}

// ctx is what a handler gets: the generic context and the shell.
type ctx struct {
	commands.Ctx
	sh *Shell
}

// yes asks a [y/n] question.
func (x *ctx) yes(q string) (bool, error) {
	a, err := x.T.Confirm(q, false)
	return a == commands.Yes, err
}

// Help strings shared by many commands (FRR's SHOW_STR idea). The words of
// the top-level ones follow a real 2650 `?` listing where it has them;
// the rest are ours.
const (
	hShow       = "Display switch operation information."
	hNo         = "Negate a command or set its defaults."
	hRedundancy = "Configure or control the redundant management and fabric modules."
	hBoot       = "Reboot the device."
	hFlash      = "Select the flash image."
	hPrimary    = "Primary flash image."
	hSecondary  = "Secondary flash image."
	hMemory     = "Save the running configuration to the startup configuration file."
	hWrite      = "View or save the running configuration of the switch."
	hLog        = "Display log events."
	hAll        = "Display all events, including those of earlier boots."
	hReverse    = "Display the events in reverse chronological order."
	hPort       = "Port list, for example A1-A4,B2."
)

// table is every command of the active module's CLI.
var table = []*command{
	// show commands
	cmd("show redundancy", []string{hShow, "Show the status of the management and fabric modules."}, inAll, showRedundancy),
	cmd("show version", []string{hShow, "Show the software version of the management modules."}, inAll, showVersion),
	cmd("show flash", []string{hShow, "Show the software images in flash."}, inAll, showFlash),
	cmd("show modules", []string{hShow, "Show the modules installed in the switch."}, inAll, showModules),
	cmd("show log [-a] [-r]", []string{hShow, hLog, hAll, hReverse}, inAll, showLog),
	cmd("show logging [-a] [-r]", []string{hShow, hLog, hAll, hReverse}, inAll, showLog),
	cmd("show boot-history", []string{hShow, "Show the saved crash information of each management module."}, inAnyMgr, showBootHistory),
	cmd("show system [information]", []string{hShow, "Show global system information.", "Show global system information."}, inAll, showSystem),
	cmd("show running-config", []string{hShow, "Show the running configuration."}, inAnyMgr, showRunning),
	cmd("show config", []string{hShow, "Show the startup configuration."}, inAnyMgr, showConfig),
	cmd("show vlans", []string{hShow, "Show the VLANs."}, inAll, showVLANs),
	cmd("show interfaces [brief]", []string{hShow, "Show port information.", "Show the port status table."}, inAll, showInterfaces),

	// session
	cmd("enable", []string{"Enter the Manager Exec context."}, inOperator, enable),
	cmd("configure [terminal]", []string{"Enter the Configuration context.", "Enter the Configuration context."}, inManager, configure),
	cmd("exit", []string{"Return to the previous context or terminate current console/telnet session if you are in the Operator context level."}, inAll, exit),
	cmd("end", []string{"Return to the Manager Exec context."}, inManager|inConfig|inContext, end),
	cmd("logout", []string{"Terminate this console/telnet session."}, inAll, logout),
	cmd("page", []string{"Toggle paging mode."}, inAll, page),
	cmd("no page", []string{hNo, "Toggle paging mode."}, inAll, noPage),
	cmd("terminal length LINES:int(2-1000)", []string{"Set the dimensions of the terminal window.", "Set the number of lines.", "Number of lines."}, inAll, terminalLength),
	cmd("terminal width COLUMNS:int(40-1920)", []string{"Set the dimensions of the terminal window.", "Set the number of columns.", "Number of columns."}, inAll, terminalWidth),
	cmd("kill", []string{"Kill other active console, telnet, or ssh sessions."}, inAnyMgr, kill),

	// configuration files and images
	cmd("write memory", []string{hWrite, hMemory}, inAnyMgr, writeMemory),
	cmd("erase startup-config", []string{"Erase the configuration file stored in flash or the primary/secondary flash image.", "Erase the startup configuration and reboot."}, inAnyMgr, eraseStartup),
	cmd("erase config FILENAME:word", []string{"Erase the configuration file stored in flash or the primary/secondary flash image.", "Erase a configuration file.", "Configuration file name (config1-config3)."}, inAnyMgr, eraseConfig),
	cmd("erase flash <primary|secondary>", []string{"Erase the configuration file stored in flash or the primary/secondary flash image.", "Erase a flash image.", hPrimary, hSecondary}, inAnyMgr, eraseFlash),
	cmd("copy tftp flash IP-ADDR:ipv4 FILENAME:word [<primary|secondary>]", []string{"Copy datafiles to/from the switch.", "Copy from a TFTP server.", "Copy a software image into flash.", "TFTP server address.", "Image file name on the server.", hPrimary, hSecondary}, inAnyMgr, copyTFTPFlash),
	cmd("copy crash-log [SLOT-ID:word] tftp IP-ADDR:ipv4 FILENAME:word", []string{"Copy datafiles to/from the switch.", "Copy the crash logs.", "A slot letter, or mm for both management modules.", "Copy to a TFTP server.", "TFTP server address.", "File name on the server."}, inAnyMgr, copyCrash),
	cmd("copy crash-data [SLOT-ID:word] tftp IP-ADDR:ipv4 FILENAME:word", []string{"Copy datafiles to/from the switch.", "Copy the crash data.", "A slot letter, or mm for both management modules.", "Copy to a TFTP server.", "TFTP server address.", "File name on the server."}, inAnyMgr, copyCrash),
	cmd("startup-default [<primary|secondary>] config FILENAME:word", []string{"Set the default configuration file for a flash image.", hPrimary, hSecondary, "Select the configuration file.", "Configuration file name (config1-config3)."}, inConfig|inContext, startupDefault),

	// boot and reload
	cmd("boot", []string{hBoot}, inAnyMgr, boot),
	cmd("boot active", []string{hBoot, "Reboot the active management module (the standby takes over)."}, inAnyMgr, boot),
	cmd("boot standby", []string{hBoot, "Reboot the standby management module."}, inAnyMgr, bootStandby),
	cmd("boot system [flash <primary|secondary>]", []string{hBoot, "Reboot both management modules.", hFlash, hPrimary, hSecondary}, inAnyMgr, bootSystem),
	cmd("boot set-default flash <primary|secondary>", []string{hBoot, "Set the flash image to boot from.", hFlash, hPrimary, hSecondary}, inAnyMgr, bootSetDefault),
	cmd("reload", []string{"Warm reboot of the switch."}, inAnyMgr, reload),
	cmd("reload after TIME:word", []string{"Warm reboot of the switch.", "Reload after a delay.", "Delay as [[DD:]HH:]MM."}, inAnyMgr, reloadAfter),
	cmd("reload at TIME:word [DATE:word]", []string{"Warm reboot of the switch.", "Reload at a time.", "Time as HH:MM[:SS].", "Date as MM/DD[/[YY]YY]."}, inAnyMgr, reloadAt),
	cmd("no reload", []string{hNo, "Warm reboot of the switch."}, inAnyMgr, noReload),

	// redundancy
	cmd("redundancy switchover", []string{hRedundancy, "Switch over to the standby management module now."}, inAnyMgr, switchover),
	cmd("[no] redundancy management-module", []string{hNo, hRedundancy, "Enable or disable redundant management."}, inConfig|inContext, redundancyManagement),
	cmd("redundancy active-management <standby|management-module1|management-module2>", []string{hRedundancy, "Set the management module to be active at the next boot.", "The current standby module.", "Management module 1.", "Management module 2."}, inConfig|inContext, activeManagement),
	cmd("redundancy fabric-module FABRIC:int(1-2) <enable|disable>", []string{hRedundancy, "Enable or disable a fabric module.", "Fabric module number.", "Enable the fabric module.", "Disable the fabric module."}, inConfig|inContext, fabricModule),

	// global configuration
	cmd("hostname NAME:string", []string{"Specify the switch name.", "The switch name."}, inConfig|inContext, hostname),
	cmd("banner motd TEXT:text", []string{"Set the banner.", "Message of the day, shown at login.", "The message."}, inConfig|inContext, bannerMOTD),
	cmd("no banner motd", []string{hNo, "Set the banner.", "Message of the day, shown at login."}, inConfig|inContext, noBannerMOTD),
	cmd("password <manager|operator> [user-name USER:word]", []string{"Set the manager or operator password.", "The manager password.", "The operator password.", "Set the user name too.", "User name."}, inConfig|inContext, password),
	cmd("no password [<manager|operator|all>]", []string{hNo, "Set the manager or operator password.", "Remove the manager password.", "Remove the operator password.", "Remove both passwords."}, inConfig|inContext, noPassword),
	cmd("console baud-rate <speed-sense|1200|2400|4800|9600|19200|38400|57600|115200>", []string{"Set console settings.", "Console speed.", "Detect the speed.", "1200 bps.", "2400 bps.", "4800 bps.", "9600 bps.", "19200 bps.", "38400 bps.", "57600 bps.", "115200 bps."}, inConfig|inContext, consoleSet),
	cmd("console flow-control <none|xon/xoff>", []string{"Set console settings.", "Console flow control.", "No flow control.", "XON/XOFF flow control."}, inConfig|inContext, consoleSet),
	cmd("console terminal <vt100|ansi|none>", []string{"Set console settings.", "Terminal type.", "VT100.", "ANSI.", "No terminal emulation."}, inConfig|inContext, consoleSet),
	cmd("console inactivity-timer MINUTES:int(0-120)", []string{"Set console settings.", "Close idle console, telnet and SSH sessions.", "Minutes (0 disables)."}, inConfig|inContext, consoleSet),
	cmd("[no] fastboot", []string{hNo, "Skip the power-on self test on the next boot."}, inConfig|inContext, fastboot),
	cmd("crypto key generate ssh [rsa]", []string{"Manage the SSH and SSL keys.", "Generate a key.", "Generate a key.", "The SSH host key.", "An RSA key."}, inConfig|inContext, cryptoGenerate),
	cmd("chassislocate [<blink|on|off>] [MINUTES:int(1-1440)]", []string{"Locate the chassis with its locator LED.", "Blink the LED.", "Light the LED.", "Turn the LED off.", "For how many minutes (default 30)."}, inAnyMgr, chassisLocate),
	cmd("clear crypto", []string{"Clear table/statistics or authorized client public keys.", "Delete the SSH host keys from both management modules."}, inAnyMgr, clearCrypto),

	// VLANs and interfaces
	cmd("vlan VLAN-ID:int(1-4094)", []string{"Add, delete, edit VLAN configuration or enter a VLAN context.", "VLAN identifier."}, inConfig|inContext, vlanContext),
	cmd("no vlan VLAN-ID:int(1-4094)", []string{hNo, "Add, delete, edit VLAN configuration or enter a VLAN context.", "VLAN identifier."}, inConfig|inContext, noVLAN),
	cmd("vlan VLAN-ID:int(1-4094) name NAME:string", []string{"Add, delete, edit VLAN configuration or enter a VLAN context.", "VLAN identifier.", "Set the VLAN name.", "The name."}, inConfig|inContext, vlanName),
	cmd("vlan VLAN-ID:int(1-4094) untagged PORTS:word", []string{"Add, delete, edit VLAN configuration or enter a VLAN context.", "VLAN identifier.", "Make ports untagged members.", hPort}, inConfig|inContext, vlanUntagged),
	cmd("vlan VLAN-ID:int(1-4094) tagged PORTS:word", []string{"Add, delete, edit VLAN configuration or enter a VLAN context.", "VLAN identifier.", "Make ports tagged members.", hPort}, inConfig|inContext, vlanTagged),
	cmd("interface PORT:word", []string{"Enter the interface context or configure ports.", "Port name."}, inConfig|inContext, ifaceContext),
	cmd("interface PORT:word <enable|disable>", []string{"Enter the interface context or configure ports.", "Port name.", "Enable the port.", "Disable the port."}, inConfig|inContext, ifaceEnable),
	cmd("interface PORT:word name NAME:string", []string{"Enter the interface context or configure ports.", "Port name.", "Set the port's name.", "The name."}, inConfig|inContext, ifaceName),

	// everyday commands (issue 15): what engineers and backup and
	// inventory tools type first; layouts and sources in LAYOUTS.md
	cmd("show interfaces [brief] PORTS:word", []string{hShow, "Show port information.", "Show the port status table.", hPort}, inAll, showInterfacesPorts),
	cmd("show vlans VLAN-ID:int(1-4094)", []string{hShow, "Show the VLANs.", "VLAN identifier."}, inAll, showVLAN),
	cmd("show vlans ports PORTS:word [detail]", []string{hShow, "Show the VLANs.", "Show the VLANs of ports.", hPort, "Show each VLAN's mode."}, inAll, showVLANPorts),
	cmd("show mac-address", []string{hShow, "Show the MAC addresses the switch has learned."}, inAll, showMACAddress),
	cmd("show mac-address vlan VLAN-ID:int(1-4094)", []string{hShow, "Show the MAC addresses the switch has learned.", "The addresses of one VLAN.", "VLAN identifier."}, inAll, showMACVLAN),
	cmd("show mac-address PORTS:word", []string{hShow, "Show the MAC addresses the switch has learned.", hPort}, inAll, showMACPorts),
	cmd("show lldp info remote-device [PORTS:word]", []string{hShow, "Show LLDP information.", "Show LLDP information.", "Show the neighbours LLDP has found.", hPort}, inAll, showLLDPRemote),
	cmd("show lldp info remote-device ethernet PORTS:word", []string{hShow, "Show LLDP information.", "Show LLDP information.", "Show the neighbours LLDP has found.", "Ethernet ports.", hPort}, inAll, showLLDPRemote),
	cmd("show ip", []string{hShow, "Show IP configuration."}, inAll, showIP),
	cmd("show ip ssh", []string{hShow, "Show IP configuration.", "Show the SSH server's settings and sessions."}, inAll, showIPSSH),
	cmd("show time", []string{hShow, "Show the date and time."}, inAll, showTime),
	cmd("show users", []string{hShow, "Show the sessions logged in."}, inAll, showUsers),
	cmd("show history", []string{hShow, "Show the commands entered in this session."}, inAll, showHistory),
	cmd("show config status", []string{hShow, "Show the startup configuration.", "Compare the running and the startup configuration."}, inAnyMgr, showConfigStatus),
	cmd("show config files", []string{hShow, "Show the startup configuration.", "List the configuration files."}, inAnyMgr, showConfigFiles),
	cmd("show config FILENAME:word", []string{hShow, "Show the startup configuration.", "Configuration file name (config1-config3)."}, inAnyMgr, showConfigFile),
	cmd("show crypto host-public-key", []string{hShow, "Show the SSH keys.", "Show the SSH host key."}, inAnyMgr, showHostKey),
	cmd("show tech", []string{hShow, "Show the output support asks for first."}, inAnyMgr, showTech),
	cmd("show running-config structured", []string{hShow, "Show the running configuration.", "Group each port's settings and VLANs by interface."}, inAnyMgr, showStructured),
	cmd("write terminal", []string{hWrite, "Show the running configuration."}, inAnyMgr, writeTerminal),
	cmd("copy <running-config|startup-config> tftp IP-ADDR:ipv4 FILENAME:word", []string{"Copy datafiles to/from the switch.", "Copy the running configuration.", "Copy the startup configuration.", "Copy to a TFTP server.", "TFTP server address.", "File name on the server."}, inAnyMgr, copyConfigTFTP),
	cmd("copy tftp startup-config IP-ADDR:ipv4 FILENAME:word", []string{"Copy datafiles to/from the switch.", "Copy from a TFTP server.", "Replace the startup configuration and reboot.", "TFTP server address.", "File name on the server."}, inAnyMgr, copyTFTPStartup),
	cmd("copy flash flash <primary|secondary>", []string{"Copy datafiles to/from the switch.", "Copy a software image between the flash banks.", "Copy to the other flash.", hPrimary, hSecondary}, inAnyMgr, copyFlashFlash),
	cmd("ping IP-ADDR:ipv4 [repetitions REPETITIONS:int(1-10000)] [timeout TIMEOUT:int(1-60)]", []string{"Send IP Ping requests to a device on the network.", "IP address of the device.", "Number of times to send the ping.", "Count (default 1).", "Seconds to wait for each answer.", "Seconds (default 5)."}, inAll, ping),
	cmd("traceroute IP-ADDR:ipv4 [minttl MINTTL:int(1-255)] [maxttl MAXTTL:int(1-255)] [timeout SECONDS:int(1-120)] [probes PROBES:int(1-5)]", []string{"Trace the route to a device on the network.", "IP address of the device.", "The first hop to show.", "Hop (default 1).", "The last hop to try.", "Hop (default 30).", "Seconds to wait for each probe.", "Seconds (default 5).", "Probes per hop.", "Count (default 3)."}, inAll, traceroute),
	cmd("link-test MAC-ADDR:word [repetitions REPETITIONS:int(1-999)] [timeout TIMEOUT:int(1-256)]", []string{"Test the connection to a device by its MAC address.", "MAC address of the device.", "Number of test frames.", "Count (default 1).", "Seconds to wait for each answer.", "Seconds (default 5)."}, inAll, linkTest),
	cmd("[no] ip default-gateway IP-ADDR:ipv4", []string{hNo, "Configure IP.", "Set the default gateway.", "Gateway address."}, inConfig|inContext, defaultGateway),
	cmd("no ip default-gateway", []string{hNo, "Configure IP.", "Set the default gateway."}, inConfig|inContext, defaultGateway),
	cmd("snmp-server <contact|location> TEXT:text", []string{"Configure SNMP.", "Set the system contact.", "Set the system location.", "The text."}, inConfig|inContext, snmpContact),
	cmd("no snmp-server <contact|location>", []string{hNo, "Configure SNMP.", "Set the system contact.", "Set the system location."}, inConfig|inContext, snmpContact),
	cmd("snmp-server community NAME:string [<operator|manager>] [<restricted|unrestricted>]", []string{"Configure SNMP.", "Add or change an SNMP community.", "Community name.", "The operator MIB view.", "The manager MIB view (the default).", "Read-only access (the default).", "Read-write access."}, inConfig|inContext, snmpCommunity),
	cmd("no snmp-server community NAME:string", []string{hNo, "Configure SNMP.", "Add or change an SNMP community.", "Community name."}, inConfig|inContext, snmpCommunity),
	cmd("module SLOT:int(1-12) type TYPE:word", []string{"Configure an interface module slot.", "Slot number.", "Set the module type.", "Module product number."}, inConfig|inContext, moduleType),
	cmd("no vlan VLAN-ID:int(1-4094) <untagged|tagged> PORTS:word", []string{hNo, "Add, delete, edit VLAN configuration or enter a VLAN context.", "VLAN identifier.", "Make ports untagged members.", "Make ports tagged members.", hPort}, inConfig|inContext, noVLANPorts),
	cmd("vlan VLAN-ID:int(1-4094) ip address IP-ADDR:ipv4 MASK:ipv4", []string{"Add, delete, edit VLAN configuration or enter a VLAN context.", "VLAN identifier.", "Configure IP.", "Set the VLAN's IP address.", "IP address.", "Network mask."}, inConfig|inContext, vlanIP),
	cmd("vlan VLAN-ID:int(1-4094) ip address dhcp-bootp", []string{"Add, delete, edit VLAN configuration or enter a VLAN context.", "VLAN identifier.", "Configure IP.", "Set the VLAN's IP address.", "Get the address from a DHCP or Bootp server."}, inConfig|inContext, vlanIP),
	cmd("no vlan VLAN-ID:int(1-4094) ip address", []string{hNo, "Add, delete, edit VLAN configuration or enter a VLAN context.", "VLAN identifier.", "Configure IP.", "Set the VLAN's IP address."}, inConfig|inContext, vlanIP),
}

// contextTable is what the vlan and interface contexts add.
var vlanTable = []*command{
	cmd("name NAME:string", []string{"Set the VLAN name.", "The name."}, inVLAN, ctxVLANName),
	cmd("[no] untagged PORTS:word", []string{hNo, "Make ports untagged members.", hPort}, inVLAN, ctxUntagged),
	cmd("[no] tagged PORTS:word", []string{hNo, "Make ports tagged members.", hPort}, inVLAN, ctxTagged),
	cmd("ip address dhcp-bootp", []string{"Configure IP.", "Set the VLAN's IP address.", "Get the address from a DHCP or Bootp server."}, inVLAN, ctxIPDHCP),
	cmd("ip address IP-ADDR:ipv4 MASK:ipv4", []string{"Configure IP.", "Set the VLAN's IP address.", "IP address.", "Network mask."}, inVLAN, ctxIPStatic),
	cmd("no ip address", []string{hNo, "Configure IP.", "Set the VLAN's IP address."}, inVLAN, ctxNoIP),
}

var ifaceTable = []*command{
	cmd("name NAME:string", []string{"Set the port's name.", "The name."}, inIface, ctxIfaceName),
	cmd("no name", []string{hNo, "Set the port's name."}, inIface, ctxIfaceNoName),
	cmd("enable", []string{"Enable the port."}, inIface, ctxIfaceEnable),
	cmd("disable", []string{"Disable the port."}, inIface, ctxIfaceDisable),
	cmd("[no] untagged vlan VLAN-ID:int(1-4094)", []string{hNo, "Make the port an untagged member of a VLAN.", "A VLAN.", "VLAN identifier."}, inIface, ctxPortVLAN),
	cmd("[no] tagged vlan VLAN-ID:int(1-4094)", []string{hNo, "Make the port a tagged member of a VLAN.", "A VLAN.", "VLAN identifier."}, inIface, ctxPortVLAN),
}

// standbyTable is the standby console: only three commands.
var standbyTable = []*command{
	cmd("show redundancy", []string{hShow, "Show the status of the management and fabric modules."}, inStandby, standbyRedundancy),
	cmd("show version", []string{hShow, "Show the software version of this management module."}, inStandby, standbyVersion),
	cmd("show flash", []string{hShow, "Show the software images in flash."}, inStandby, standbyFlash),
}

// operatorWords are the operator level's top-level keywords (help lists
// them after the manager-only ones).
var operatorWords = map[string]bool{}

var graphs struct {
	operator, manager, config, vlan, iface, standby *parser.Graph
}

func build(in commands.Modes, tables ...[]*command) *parser.Graph {
	return commands.BuildGraph(in, nil, parser.Policy{}, tables...)
}

func init() {
	graphs.operator = build(inOperator, table)
	items, _ := graphs.operator.Describe("")
	for _, it := range items {
		operatorWords[it.Word] = true
	}
	graphs.manager = build(inManager, table)
	graphs.config = build(inConfig, table)
	graphs.vlan = build(inVLAN, table, vlanTable)
	graphs.iface = build(inIface, table, ifaceTable)
	graphs.standby = build(inStandby, standbyTable)
}
