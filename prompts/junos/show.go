package junos

// Show output pieces: layouts from real captures, filled from the model.
var (
	VersionHead = t("version-head", "Hostname: %s\nModel: %s\nJunos: %s\n",
		"capture: ntc-templates juniper_junos_show_version.raw (mx240, 13.3R1.4); Ansible and PyEZ parse these lines")
	// Packages is the package list of a 13.3R1.4 MX240, one %s for the
	// release on each line.
	Packages = t("packages",
		"JUNOS Base OS boot [%[1]s]\n"+
			"JUNOS Base OS Software Suite [%[1]s]\n"+
			"JUNOS Kernel Software Suite [%[1]s]\n"+
			"JUNOS Crypto Software Suite [%[1]s]\n"+
			"JUNOS Packet Forwarding Engine Support (M/T/EX Common) [%[1]s]\n"+
			"JUNOS Packet Forwarding Engine Support (MX Common) [%[1]s]\n"+
			"JUNOS Online Documentation [%[1]s]\n"+
			"JUNOS Services AACL Container package [%[1]s]\n"+
			"JUNOS Services Application Level Gateways [%[1]s]\n"+
			"JUNOS AppId Services [%[1]s]\n"+
			"JUNOS Border Gateway Function package [%[1]s]\n"+
			"JUNOS Services Captive Portal and Content Delivery Container package [%[1]s]\n"+
			"JUNOS Services HTTP Content Management package [%[1]s]\n"+
			"JUNOS IDP Services [%[1]s]\n"+
			"JUNOS Services Jflow Container package [%[1]s]\n"+
			"JUNOS Services LL-PDF Container package [%[1]s]\n"+
			"JUNOS Services MobileNext Software package [%[1]s]\n"+
			"JUNOS Services Mobile Subscriber Service Container package [%[1]s]\n"+
			"JUNOS Services NAT [%[1]s]\n"+
			"JUNOS Services PTSP Container package [%[1]s]\n"+
			"JUNOS Services RPM [%[1]s]\n"+
			"JUNOS Services Stateful Firewall [%[1]s]\n"+
			"JUNOS Voice Services Container package [%[1]s]\n"+
			"JUNOS Services Crypto [%[1]s]\n"+
			"JUNOS Services SSL [%[1]s]\n"+
			"JUNOS Services IPSec [%[1]s]\n"+
			"JUNOS platform Software Suite [%[1]s]\n"+
			"JUNOS Runtime Software Suite [%[1]s]\n"+
			"JUNOS Routing Software Suite [%[1]s]\n"+
			"JUNOS py-base-i386 [%[1]s]\n",
		"capture: ntc-templates juniper_junos_show_version.raw (mx240, 13.3R1.4); its lab package line, QFabric lines and the typo [113.3R1.4] left out (JUNOS.md)")
	REDashes = t("re-dashes", "--------------------------------------------------------------------------",
		"capture: 74 dashes in the MX 17.3, vMX 19.2, SRX cluster and QFX 17.3 captures")

	HardwareHead = t("hardware-head", "Hardware inventory:\nItem             Version  Part number  Serial number     Description\n",
		"capture: ntc-templates show_chassis_hardware4.raw (MX480, two RE-S-1800x4)")
	HardwareRow = t("hardware-row", "%-17s%-9s%-13s%-18s%s",
		"capture: the same file's columns (0, 17, 26, 39, 57)")
	// Rows of the chassis's fixed parts: item|version|part|serial|description.
	HWMidplane = t("hw-midplane", "Midplane|REV 07|760-021404|ABAA1234|MX240 Backplane",
		"no source: no MX240 inventory was found; worded after the MX480's 'Enhanced MX480 Midplane' row")
	HWFPM = t("hw-fpm", "FPM Board|REV 03|760-021392|ABAB5678|Front Panel Display",
		"no source: the MX480 row's description with our part and serial numbers")
	HWPEM = t("hw-pem", "PEM %d|Rev 10|740-017343|QCS0901C0A%d|DC Power Entry Module",
		"no source: an MX240 power entry module row (estimate)")
	HWCPU = t("hw-cpu", "  CPU|REV 13|711-045719|CAGD2317|RMPC PMB",
		"capture: ntc MX480 inventory ('  CPU            REV 13   711-045719 ... RMPC PMB'), our serial")
	HWMIC = t("hw-mic", "  MIC 0|REV 35|750-028392|CAGE7713|3D 20x 1GE(LAN) SFP",
		"capture: ntc MX480 inventory, our serial")
	HWPIC = t("hw-pic", "    PIC %d||BUILTIN|BUILTIN|10x 1GE(LAN) SFP",
		"capture: ntc MX480 inventory")
	HWXcvr = t("hw-xcvr", "      Xcvr %d|REV 02|740-013111|B11J%04d|SFP-T",
		"capture: ntc MX480 inventory, our serials")
	HWFan = t("hw-fan", "Fan Tray 0||||Enhanced Fan Tray",
		"no source: the MX480 rows are 'Fan Tray, Front to Back Airflow - AFO'; an MX240 has one tray")

	RESlot = t("re-slot",
		"Routing Engine status:\nSlot %d:\n"+
			"    Current state                  %s\n"+
			"    Election priority              %s\n"+
			"    Temperature                 42 degrees C / 107 degrees F\n"+
			"    CPU temperature             38 degrees C / 100 degrees F\n"+
			"    DRAM                      32733 MB (32768 MB installed)\n"+
			"    Memory utilization          %2d percent\n"+
			"    CPU utilization:\n"+
			"    User%24d percent\n"+
			"    Background                 0 percent\n"+
			"    Kernel%22d percent\n"+
			"    Interrupt%19d percent\n"+
			"    Idle%24d percent\n"+
			"    Model                          %s\n"+
			"    Serial ID                      %s\n"+
			"    Start time                     %s\n"+
			"    Uptime                         %s\n"+
			"    Last reboot reason             %s\n"+
			"    Load averages:                 1 minute   5 minute  15 minute\n"+
			"                                    %s       %s       %s\n",
		"capture: genieparser ShowChassisRoutingEngine golden_output2 (RE-S-1800x4, two slots), its test indent removed; temperatures and DRAM as captured")
	RebootReason = t("reboot-reason", "Router rebooted after a normal shutdown.",
		"capture: genieparser ShowChassisRoutingEngine, MX 17.3 capture")

	UptimeText = t("uptime",
		"Current time: %s\nTime Source:  LOCAL CLOCK \nSystem booted: %s (%s ago)\nProtocols started: %s (%s ago)\nLast configured: %s (%s ago) by %s\n%s\n",
		"capture: genie ShowSystemUptime, ntc show_system_uptime, gnetcli mock (trailing space after LOCAL CLOCK)")
	UptimeLine = t("uptime-line", "%s  up %s, %d %s, load averages: %s",
		"capture: genie/ntc show system uptime last line, show system users first line")
	UsersHead = t("users-head", "USER     TTY      FROM                              LOGIN@  IDLE WHAT\n",
		"capture: gnetcli mock, genie ShowSystemUsers")
	UsersRow = t("users-row", "%-8s %-8s %-33s %-7s%5s %s\n",
		"capture: genie ShowSystemUsers rows (columns 0, 9, 18, 52, 60, 65)")

	Storage = t("storage",
		"Filesystem              Size       Used      Avail  Capacity   Mounted on\n"+
			"/dev/md0.uzip            21M        21M         0B      100%  /\n"+
			"devfs                   1.0K       1.0K         0B      100%  /dev\n"+
			"/dev/gpt/junos           19G       1.2G        17G        7%  /.mount\n"+
			"/dev/gpt/config         793M        60K       730M        0%  /.mount/config\n"+
			"/dev/gpt/var            7.0G       117M       6.3G        2%  /.mount/var\n"+
			"tmpfs                   3.2G       196K       3.2G        0%  /.mount/tmp\n"+
			"tmpfs                   334M       748K       333M        0%  /.mount/mfs\n",
		"capture: MX 17.3 show system storage (first three lines) and genie ShowSystemStorage (the rest); the 17.x layout, not 13.3's (JUNOS.md)")

	TerseHead = t("terse-head", "Interface               Admin Link Proto    Local                 Remote\n",
		"capture: genie ShowInterfacesTerse (columns 0, 24, 30, 35, 44, 66)")

	CommitLine = t("commit-line", "%-3d %s by %s via %s\n",
		"capture: genie ShowSystemCommit ('0   2020-03-05 16:04:34 UTC by cisco via cli')")
	CommitComment = t("commit-comment", "    %s\n",
		"no source: a commit's comment under its line (FACTS 1.13 [I])")
	CommitCount = t("commit-count", "Count: %d lines",
		"capture: '| count' (Juniper-internal regress captures)")
)

// show log messages: the lines switchsim's own events leave (syslog
// format of genie ShowLogMessages; the words are ours).
var (
	LogLine = t("log-line", "%s  %s %s: %s",
		"capture: genie ShowLogMessages ('Mar  5 14:47:45  host mgd[91373]: UI_COMMIT: ...')")
	LogCommit = t("log-commit", "UI_COMMIT: User '%s' requested '%s' operation (comment: %s)",
		"capture: genie ShowLogMessages")
	LogConfigEnter = t("log-config-enter", "UI_DBASE_LOGIN_EVENT: User '%s' entering configuration mode",
		"capture: genie ShowLogMessages")
	LogConfigExit = t("log-config-exit", "UI_DBASE_LOGOUT_EVENT: User '%s' exiting configuration mode",
		"no source: worded after UI_DBASE_LOGIN_EVENT")
	LogLogin = t("log-login", "Accepted password for %s from %s port 22 ssh2",
		"no source: OpenSSH's line; genie shows 'Accepted keyboard-interactive/pam for user from ... ssh2'")
	LogMastership = t("log-mastership", "CHASSISD_RE_MASTERSHIP_CHANGE: Routing Engine %d is now master",
		"no source")
	LogBackup = t("log-backup", "CHASSISD_RE_MASTERSHIP_CHANGE: Routing Engine %d is now backup",
		"no source")
	LogRolledBack = t("log-rolled-back", "UI_COMMIT_ROLLBACK: automatic rollback of an unconfirmed commit",
		"no source")
)
