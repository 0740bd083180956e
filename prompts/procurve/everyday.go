package procurve

// Texts of the everyday commands (issue 15): show interfaces <port>,
// show vlans <id>, show mac-address, show lldp, show ip, show ip ssh,
// ping, traceroute, the config-file and TFTP commands. Layout facts and
// their captures are in commands/procurve/LAYOUTS.md.
var (
	PortCountersTitle = t("port-counters-title", "\n Status and Counters - Port Counters for port %s\n\n",
		"capture (re-typed): 16.x 'show int 1/48' in a ProVision blog post; Cisco unicon aos mock (LAYOUTS.md)")
	VLANDetailTitle = t("vlan-detail-title", "\n Status and Counters - VLAN Information - VLAN %d\n\n",
		"capture (re-typed): HP 2920 WB.15.14 'show vlans 1' (Nesox README, LAYOUTS.md)")
	VLANPortsTitle = t("vlan-ports-title", "\n Status and Counters - VLAN Information - for ports %s\n\n",
		"no source: worded like the VLAN detail title; the table below it is show vlans' own")
	MACTableTitle = t("mac-table-title", "\n Status and Counters - Port Address Table\n\n",
		"capture: ntc-templates hp_procurve_show_mac-address2.raw (LAYOUTS.md)")
	MACVLANTitle = t("mac-vlan-title", "\n Status and Counters - Address Table - VLAN %d\n\n",
		"capture: napalm-procurve show_mac_address_vlan_1.txt (LAYOUTS.md)")
	MACPortTitle = t("mac-port-title", "\n Status and Counters - Port Address Table - %s\n\n",
		"no source: the port form of the port address table's title")
	LLDPRemoteTitle = t("lldp-remote-title", "\n LLDP Remote Devices Information\n\n",
		"capture: napalm-procurve 5412zl show_lldp_info_remote_device.txt; ntc-templates (LAYOUTS.md)")
	LLDPDetailTitle = t("lldp-detail-title", "\n LLDP Remote Device Information Detail\n\n",
		"capture: napalm-procurve 5412zl show_lldp_info_remote_device_ethernet_A13.txt (LAYOUTS.md)")
	IPTitle = t("ip-title", "\n Internet (IP) Service\n\n",
		"capture: ntc-templates hp_procurve_show_ip1.raw (LAYOUTS.md)")
	IPSSH = t("ip-ssh",
		"\n  SSH Enabled     : Yes                 Secure Copy Enabled : No\n"+
			"  TCP Port Number : 22                  Timeout (sec)       : 120\n"+
			"  Host Key Type   : %-20sHost Key/Curve Size : %d\n\n"+
			"  Ciphers : aes256-ctr,aes256-cbc,rijndael-cbc@lysator.liu.se,aes192-ctr,\n"+
			"            aes192-cbc,aes128-ctr,aes128-cbc,3des-cbc\n"+
			"  MACs    : hmac-sha1-96,hmac-md5,hmac-sha1,hmac-md5-96\n\n"+
			"  Ses Type     | Source IP                                      Port\n"+
			"  --- -------- + ---------------------------------------------- -----\n",
		"capture (re-typed): 16.x 'show ip ssh' in a switch hardening guide and a 2920 WB.16.10 blog (LAYOUTS.md)")
	ConfigFilesHead = t("config-files-head",
		"\nConfiguration files:\n\n id | act pri sec | name\n ---+-------------+------------------------------------------------\n",
		"capture (re-typed): 16.x 'sh config files' in a ProVision how-to (LAYOUTS.md)")
	PingAlive = t("ping-alive", "%s is alive, time = %d ms",
		"capture (re-typed): 2920 'ping 10.253.4.1 source oobm'; Cisco unicon aos mock")
	PingAliveIteration = t("ping-alive-iteration", "%s is alive, iteration %d, time = %d ms",
		"capture: napalm-procurve e2910al (W.15) ping fixture")
	PingTimeout = t("ping-timeout", "Request timed out.",
		"capture: napalm-procurve e2910al (W.15) ping fixture; Cisco unicon aos mock")
	PingSummary = t("ping-summary", "%d packets transmitted, %d packets received, %d%% packet loss",
		"capture: napalm-procurve e2910al (W.15) ping fixture")
	PingRTT = t("ping-rtt", "round-trip (ms) min/avg/max = %d/%d/%d",
		"capture: napalm-procurve e2910al (W.15) ping fixture")
	PingUnreachable = t("ping-unreachable", "The destination address is unreachable.",
		"capture (re-typed): a 2012 forum thread pinging from an HP switch (low confidence, LAYOUTS.md)")
	TracerouteHead = t("traceroute-head", "traceroute to %s ,\n              1 hop min, %d hops max, %d sec. timeout, %d probes\n",
		"capture: 16.x rawOutput in an Aruba Central API document; 2920 WB.15.18 IPv6 guide (LAYOUTS.md)")

	// our own wording
	TimeFormat = t("time-format", "Mon Jan _2 15:04:05 2006",
		"no source: show time's layout (a Go time layout), in the form of the crash records' times")
	UsersHead = t("users-head",
		"\n Status and Counters - Users\n\n  Session Type     Name             Client IP\n  ------- -------- ---------------- ---------------\n",
		"no source: no capture of 'show users' on ProVision was found (if K.15 has none, it should answer Invalid input)")
	HistoryLine = t("history-line", " %d   %s\n", "no source: show history's numbering (most recent last)")
	ConfigSame  = t("config-same", "Running configuration is the same as the startup configuration.",
		"no source")
	ConfigChanged = t("config-changed", "Running configuration has been changed and needs to be saved.",
		"no source")
	NoHostKey = t("no-host-key", "No host key. Use 'crypto key generate ssh' to make one.",
		"no source")
	HostKeyHead   = t("host-key-head", "\nSSH host public key:\n", "no source: the key itself is what the emulator serves (OpenSSH form)")
	TechSection   = t("tech-section", "\n%s# %s\n", "no source: show tech's separator before each command's output")
	LinkPassed    = t("link-passed", "Link-test passed.", "no source")
	LinkFailed    = t("link-failed", "Link-test failed.", "no source")
	BadConfigFile = t("bad-config-file", "Invalid configuration file, line %d: %s",
		"no source: copy tftp startup-config refusing a file it cannot read")
	StructuredUntagged = t("structured-untagged", "   untagged vlan %d \n",
		"no source: show running-config structured's VLAN line in an interface block")
	StructuredTagged = t("structured-tagged", "   tagged vlan %d \n",
		"no source: show running-config structured's VLAN line in an interface block")
)

// UnsourcedLayouts are the everyday commands whose arrangement no
// capture gives (their words may be sourced); UNSOURCED.md lists them.
var UnsourcedLayouts = []struct{ Command, Note string }{
	{"show users", "no ProVision capture found; columns are ours (and K.15 may not have the command)"},
	{"show history", "numbering and indentation are ours"},
	{"show time", "the ctime form of the crash records"},
	{"show config status", "one line, ours"},
	{"show crypto host-public-key", "a title, then the served key in OpenSSH form (a real switch prints its RSA/DSA key)"},
	{"show tech", "a bounded subset of show commands, each after a 'hostname# command' line"},
	{"show running-config structured", "VLAN memberships moved into interface blocks as 'untagged vlan N' / 'tagged vlan N'"},
	{"show vlans ports <ports> [detail]", "show vlans' table with a title of ours; detail adds a Mode column"},
	{"show mac-address <ports>", "the address table's layout with a VLANs column"},
	{"show lldp info remote-device <port> (PoE part)", "the capture's PoE block is left out (no PoE modules)"},
	{"copy ... tftp (success)", "prints nothing, as copy crash-log does"},
	{"link-test", "one line, passed or failed"},
	{"ping, traceroute (times)", "every answer takes 1 ms; a silent probe waits its whole timeout"},
}
