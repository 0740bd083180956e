// Package procurve holds the HP ProCurve 8212zl (K.12-K.15) texts. Each
// text names its source: "manual 15-N" is a figure of chapter 15
// (../shared/manual/001), "K.15.15" the K.15.15 page (000), "capture" a
// real device capture in ../shared/reference, "tool" a string automation
// tools wait for, and "no source" marks our own wording (listed in
// README's limitations).
package procurve

import "github.com/switchsim/switchsim/prompts"

func t(name, text, source string) string { return prompts.Register("procurve", name, text, source) }

// Session texts.
var (
	PressAnyKey = t("press-any-key", "Press any key to continue",
		"capture: exscript hp_pro_curve.1 (5406zl K.13.60), VERIFIED-RAW")
	Pager = t("pager", "-- MORE --, next page: Space, next line: Enter, quit: Control-C",
		"tool: NOC pattern_more, rancid hlogin, pexpect drivers")
	LogoutQuestion = t("logout-question", "Do you want to log out [y/n]? ",
		"tool: netmiko, rancid hlogin, pexpect script (NOTES-procurve 2.6)")
	SaveOnLogout = t("save-on-logout", "Do you want to save current configuration [y/n/^C]? ",
		"tool: rancid hlogin, netmiko cleanup; [y/n/^C] quoted by two tools (NOTES-procurve 2.6)")
	SaveOnReboot = t("save-on-reboot", "Do you want to save current configuration [y/n]? ",
		"tool: PowerShell firmware script comment after reload (notes procurve-texts 4)")
	InvalidInput = t("invalid-input", "Invalid input: %s",
		"capture: oxidized issue #2871 (R.11) 'Invalid input: modules'")
	AmbiguousInput = t("ambiguous-input", "Ambiguous input: %s",
		"tool: rancid hrancid /^(Invalid|Ambiguous) input:/")
	IncompleteInput = t("incomplete-input", "Incomplete input: %s",
		"no source: only the prefix 'Incomplete input:' is known (Exscript _error_re); the token after it is our choice")
	BadValue = t("bad-value", "Invalid input: %s",
		"no source: a value out of range is reported like any invalid token")
	UnterminatedQuote = t("unterminated-quote", "Invalid input: %s",
		"no source: an open quote is reported like any invalid token")
	EnableUser = t("enable-user", "Username: ",
		"tool: netmiko enable() patterns (username|login|user name); local users get Username: (netmiko #2528)")
	EnablePassword = t("enable-password", "Password: ",
		"tool: netmiko enable() 'password'; oxidized #2833 telnet Password:")
	LoginUser = t("login-user", "Please Enter Login Name: ",
		"capture: netmiko PR #1087 (H.10 telnet, TACACS wording); chosen over Username: because netmiko 2.4.2 hp_procurve_telnet only answers 'Login Name:'")
	LoginPassword = t("login-password", "Please Enter Password: ",
		"capture: netmiko PR #1087 (H.10 telnet)")
	BadPassword = t("bad-password", "Invalid password",
		"tool: Exscript matches 'invalid password'; the exact line is not known")
	NewPassword = t("new-password", "New password for %s: ",
		"tool: pexpect password script 'New password for operator:' (notes procurve-texts 4)")
	RetypePassword = t("retype-password", "Please retype new password for %s: ",
		"tool: pexpect password script (notes procurve-texts 4)")
	PasswordMismatch = t("password-mismatch", "Password not changed: the two entries differ.",
		"no source")
	NoPasswordAll = t("no-password-all", "Password protection will be deleted, do you want to continue [y/n]? ",
		"tool: pexpect password script (notes procurve-texts 4)")
	SessionLimit = t("session-limit", "The maximum number of sessions is in use; try again later.",
		"no source: refusal when the configured session limit is reached")
	IdleTimeout = t("idle-timeout", "Session inactivity timer expired.",
		"no source")
)

// Redundancy dialogs and messages of chapter 15.
var (
	SwitchoverQuestion = t("switchover-question",
		"This management module will now reboot from %s image and will become\n"+
			"the standby module! You will need to use the other management module's\n"+
			"console interface. Do you want to continue [y/n]? ",
		"manual 15-4 (the form that names the flash); 15-23 and the Boot Command section print other forms (FIGURES.md)")
	NoStandby = t("no-standby", "The other management module does not exist or is not\nin standby mode",
		"manual, Directing the Standby Module to Become Active")
	EnableRedundancyQuestion = t("enable-redundancy-question",
		"All configuration files and software images on the off-line management\n"+
			"module will be overwritten with the data from the current active\n"+
			"management module. Do you want to continue [y/n]? ",
		"manual 15-2")
	DisableRedundancyQuestion = t("disable-redundancy-question",
		"The other management module will no longer be used for system\n"+
			"redundancy except in the case of a hardware failure of the active management\n"+
			"module. Do you want to continue [y/n]? ",
		"manual 15-3 (with the space 15-3 lost before [y/n]); 15-12 ends 'Are you sure [y/n]?' (FIGURES.md)")
	NextActive = t("next-active", "On the next system boot, the %s will become active.",
		"manual 15-5, 15-6")
	NextActiveUnsynced = t("next-active-unsynced",
		"Redundancy and Synchronization have been disabled, so it will\nnot have current configurations.",
		"manual 15-6")
	TargetNotReady = t("target-not-ready", "The %s is not present or is in failed state.",
		"manual, Setting the Active Management Module for Next Boot")
	BootNotStandby = t("boot-not-standby",
		"The other management module is not in standby mode and this command will\n"+
			"not cause a switchover. System will reboot from %s image.\n"+
			"Do you want to continue [y/n]? ",
		"manual 15-6 (names the flash); the Boot Command section prints another form (FIGURES.md)")
	StandbyNotPresent = t("standby-not-present", "The other management module is not present.",
		"manual, Boot Command table (boot standby)")
	SetDefaultQuestion = t("set-default-question",
		"This command changes the location of the default boot. This command will\n"+
			"change the default flash image to boot from %s. Hereafter,\n"+
			"'reload' and 'boot' commands will boot from %s. Do you want to\n"+
			"continue [y/n]? ",
		"manual 15-23 (15-24 breaks the same words into other lines)")
	ReloadSwitchoverQuestion = t("reload-switchover-question",
		"This command will cause a switchover to the other management module\n"+
			"which may not be running the same software image and configurations.\n"+
			"Do you want to continue [y/n]? ",
		"manual 15-25")
	ReloadQuestion = t("reload-question", "Device will be rebooted, do you want to continue [y/n]? ",
		"tool: PowerShell firmware script comment (notes procurve-texts 4)")
	BootSystemQuestion = t("boot-system-question", "System will be rebooted from %s image. Do you want to continue [y/n]? ",
		"capture (re-typed): CalebSargeant/docs hp.rst (notes procurve-texts 4)")
	EraseStartupQuestion = t("erase-startup-question", "Configuration will be deleted and device rebooted, continue [y/n]? ",
		"tool: pexpect script child.expect (notes procurve-texts 4)")
	FabricBoth = t("fabric-both", "Cannot disable both fabric modules; one must be enabled.",
		"no source: the manual says both cannot be disabled but gives no message")
	MismatchWarning = t("mismatch-warning",
		"Warning: Standby module is running a different software version and may be using\n"+
			"a different configuration file. Configuration changes on active management\n"+
			"module may not take effect on a failover.",
		"manual 15-11")
	RedundancyDisabledVersion = t("redundancy-disabled-version",
		"Redundancy and Synchronization has been disabled:\n                    enable with the 'redundancy' command.",
		"manual 15-17")
)

// Software download.
var (
	DeleteImageQuestion = t("delete-image-question", "The %s OS Image will be deleted, continue [y/n]? ",
		"capture (re-typed): CalebSargeant/docs, WB.16.04 how-to, PowerShell script (notes procurve-texts 3.1)")
	DownloadCounter = t("download-counter", "%04dK",
		"tool: PowerShell script comment '0123K' (notes procurve-texts 3.2)")
	Validating = t("validating", "Validating and Writing System Software to FLASH ...",
		"manual: K.15.18 MCG TFTP software downloads (notes procurve-texts 3.2)")
	TFTPNotFound = t("tftp-not-found", "File not found.",
		"no source: the TFTP protocol's error 1 text, printed after the counter like the 16.x 'Peer unreachable.'")
	TFTPAccess = t("tftp-access", "Access violation.",
		"no source: the TFTP protocol's error 2 text")
	TFTPTimeout = t("tftp-timeout", "Peer unreachable.",
		"capture (16.x): aruba aos-switch-ansible-collection #45 '000M Peer unreachable.'")
	TFTPBadImage = t("tftp-bad-image", "Aborted. The file is not a valid software image.",
		"no source: a menu download script matches 'Aborted' for a wrong file (notes procurve-texts 3.3)")
	TransferBusy = t("transfer-busy", "A file transfer is already in progress.", "no source")
	NoImage      = t("no-image", "The %s flash is empty.", "no source")
)

// Boot console output (a module's serial console).
var (
	ROMBanner = t("rom-banner",
		"ROM information:\n"+
			"   Build directory: %s\n"+
			"   Build date:      %s\n"+
			"   Build time:      %s\n"+
			"   Build version:   %s\n"+
			"   Build number:    %d\n",
		"manual 15-4 words; spacing from a real R.10.06 ROM banner (NOTES-procurve 4.1)")
	BootProfiles = t("boot-profiles",
		"Boot Profiles:\n"+
			"0. Monitor ROM Console\n"+
			"1. Primary Software Image\n"+
			"2. Secondary Software Image\n\n",
		"manual 15-10, 15-22; capture: K.15.30 ROM (NOTES-procurve 4.1)")
	SelectProfile = t("select-profile", "Select profile (%s): ",
		"capture: K.15.30 ROM and manual 15-4 (15-10/15-22 drop the space, FIGURES.md)")
	BootingImage = t("booting-image", "\n\nBooting %s Software Image...\n",
		"manual 15-4, 15-22")
	Decompressing = t("decompressing", "Decompressing...done.\n",
		"capture: K.15.30 ROM boot (NOTES-procurve 4.1)")
	MonitorPrompt  = t("monitor-prompt", "\n=> ", "tool: W.14 blog capture shows the ROM prompt '=>' (NOTES-procurve 4.1)")
	MonitorUnknown = t("monitor-unknown", "Unknown command; type 'boot' to boot the default image.\n=> ",
		"no source: the ROM monitor's commands are not documented")
	ROMUpdate = t("rom-update", "\nUpdating boot ROM to %s ...\nBoot ROM update complete, rebooting.\n",
		"no source: K.15.15 says the new ROM is applied and the module reboots")
	SelftestFailed = t("selftest-failed", "\nSelftest failed. This management module will not become active or standby.\n",
		"no source: the chapter's terminology for a failed module")
	GoingDown    = t("going-down", "", "manual 15-4: after the answer the ROM banner follows one blank line, which the banner's own leading newline makes (FIGURES.md)")
	ShutdownDone = t("shutdown-done", "\nManagement module shut down. It is now safe to remove it.\n",
		"no source: the chapter describes the Dwn LED, not console text")
	SyncingImages = t("syncing-images", "\nReceiving software images from the active management module...\n",
		"no source: the chapter's hotswap step 1")
	FailedIdle = t("failed-idle", "\nThis management module failed selftest and is not in service.\n",
		"no source")
	OfflineIdle = t("offline-idle", "\nManagement module %d: Redundancy and Synchronization has been disabled:\n                    enable with the 'redundancy' command.\n",
		"manual 15-17 words, as shown for the offline module")
	ImageMissing  = t("image-missing", "\nThe %s flash has no software image.\n", "no source")
	StandbyPrompt = t("standby-prompt", "Standby Console> ",
		"manual 15-19, 15-20, 15-21 ('>'); 15-4 and 15-10 print '#' (FIGURES.md)")
)

// Show output pieces.
var (
	ShowRedundancyHead = t("show-redundancy-head",
		"\n  Settings\n  --------\n  Mgmt Redundancy : %s\n\n  Statistics\n  ----------\n  Failovers       : %d\n  Last Failover   :%s\n\n",
		"manual 15-1..15-25 (2-space layout of 15-2/15-7/15-25; dashes rebuilt to the header width; colons aligned as 15-5/15-7/15-11)")
	ShowFlashHead = t("show-flash-head",
		"Image           Size(Bytes)   Date   %sBuild #\n-----           ----------  -------- %s-------\n",
		"manual 15-15 words; columns and dashes of a real R.11 show flash (oxidized #2871); the Version column (%s) widens for 12-character K.15 versions (no source gives a K.15 layout)")
	LogKeys = t("log-keys", " Keys:   W=Warning   I=Information\n         M=Major     D=Debug\n",
		"manual 15-18/15-31 words (no E=Error before K.15); spacing of 16.x captures (NOTES-procurve 3.5)")
	LogHeader    = t("log-header", "----  Event Log listing: Events Since Boot  ----\n", "manual 15-31")
	LogHeaderAll = t("log-header-all", "----  Event Log listing: All Events  ----\n",
		"no source: the -a listing's title")
	LogHeaderReverse = t("log-header-reverse", "----  Reverse event Log listing: Events Since Boot  ----\n",
		"tool: test fixture 'Reverse event Log listing' (low confidence), spaced like the forward header")
	LogFooter = t("log-footer", "----  Bottom of Log : Events Listed = %d  ----\n",
		"tool: netmiko test asserts '----  Bottom of Log : Events Listed = '; the tail by analogy")
	LogTop           = t("log-top", "----  Top of Log : Events Listed = %d  ----\n", "no source: footer of the reverse listing")
	BootHistoryHead  = t("boot-history-head", "Mgmt Module %d -- Saved Crash Information (most recent first):\n", "manual 15-32")
	BootHistoryEntry = t("boot-history-entry", "Mgmt Module %d in %s Mode went down: %s\n", "manual 15-32")
	BootHistoryNone  = t("boot-history-none", "  No Saved Crash Information\n", "manual 15-32")
	ModulesTitle     = t("modules-title", "\n Status and Counters - Module Information\n\n", "manual 15-13; leading space as real 'Status and Counters' titles")
	VLANsTitle       = t("vlans-title", "\n Status and Counters - VLAN Information\n\n", "capture: ntc-templates show vlans (notes procurve-texts 5.1)")
	PortsTitle       = t("ports-title", "\n Status and Counters - Port Status\n\n", "capture: ntc-templates show interfaces brief (notes procurve-texts 5.2)")
	SystemTitle      = t("system-title", "\n Status and Counters - General System Information\n\n", "capture: ntc-templates hp_procurve_show_system.raw (K.15.06)")
	RunningHead      = t("running-head", "\nRunning configuration:\n\n", "capture: napalm W.15.08 fixture; K.15 posts (NOTES-procurve 3.9)")
	StartupHead      = t("startup-head", "\nStartup configuration:\n\n", "no source: inferred from the running-config framing (notes procurve-texts 6.4)")
	PortNotPresent   = t("port-not-present", "Module not present for port or invalid port: %s",
		"tool: RackTables ProCurve driver quoting the zl switch (notes procurve-texts 2)")
	VLANNotFound      = t("vlan-not-found", "VLAN %d not found.", "no source")
	DefaultVLANDelete = t("default-vlan-delete", "The default VLAN cannot be deleted.", "no source")
	NoReload          = t("no-reload", "No reload is scheduled.", "no source")
	ConfigInUse       = t("config-in-use", "Configuration file %s is in use and cannot be erased.", "no source")
	ConfigNotFound    = t("config-not-found", "Configuration file %s not found.", "no source")
	SessionFrom       = t("session-from", "SME %s from %s - %s Mode",
		"no source: the remote form of 15-31's 'SME CONSOLE Session - MANAGER Mode' (from memory of K.15 logs, not a capture)")
)

// Crash reasons (show boot-history, the 'sys:' reboot line of the log).
var (
	CrashWarmReload     = t("crash-warm-reload", "Operator warm reload from %s session.", "manual 15-32")
	CrashColdReboot     = t("crash-cold-reboot", "Operator cold reboot from %s session.", "manual 15-32")
	CrashSwitchover     = t("crash-switchover", "Operator initiated switchover from %s session.", "no source: worded like 15-32")
	CrashResetButton    = t("crash-reset-button", "Reset button pressed.", "no source")
	CrashShutdownButton = t("crash-shutdown-button", "Shutdown button pressed.", "no source")
	CrashSoftware       = t("crash-software", "Software exception in task.", "no source")
	CrashHeartbeat      = t("crash-heartbeat", "Reset by the standby module: heartbeat lost.", "no source")
	CrashHotswap        = t("crash-hotswap", "Module removed.", "no source")
	CrashHardware       = t("crash-hardware", "Hardware failure detected.", "no source")
	CrashImageUpdate    = t("crash-image-update", "Rebooted to the software image of the active management module.", "no source")
	CrashROMUpdate      = t("crash-rom-update", "Rebooted after boot ROM update.", "no source")
	CrashErase          = t("crash-erase", "Operator reboot after erasing the startup configuration.", "no source")
	CrashScheduled      = t("crash-scheduled", "Scheduled reload.", "no source")
	RebootPowerFailure  = t("reboot-power-failure", "System reboot due to Power Failure", "manual 15-18, 15-31")
)

// Login banners. The first three lines end in CR CR LF on real switches:
// the "\r\n" here becomes "\r\r\n" once the console turns "\n" into "\r\n".
var (
	BannerK15 = t("banner-k15",
		"%s\r\n"+
			"Software revision %s\r\n"+
			"\r\n"+
			"Copyright (C) 1991-%d Hewlett-Packard Development Company, L.P.\n"+
			"\n"+
			"                   RESTRICTED RIGHTS LEGEND\n"+
			" Confidential computer software.  Valid license from HP required for possession,\n"+
			" use or copying. Consistent with FAR 12.211 and 12.212, Commercial Computer\n"+
			" Software, Computer Software Documentation, and Technical Data for Commercial\n"+
			" Items are licensed to the U.S. Government under vendor's standard commercial\n"+
			" license.\n"+
			"                   HEWLETT-PACKARD DEVELOPMENT COMPANY, L.P. \n"+
			"                   20555 State Highway 249, Houston, TX 77070\n"+
			"\n"+
			"We'd like to keep you up to date about:\n"+
			"  * Software feature updates\n"+
			"  * New product announcements\n"+
			"  * Special events\n"+
			"Please register your products now at:  www.hp.com/networking/register\n"+
			"\n",
		"capture: exscript hp_pro_curve.2 (K.15.03.0007) and oxidized #681 (K.15.07.0008), VERIFIED-RAW")
	BannerK12 = t("banner-k12",
		"%s\r\n"+
			"Software revision %s\r\n"+
			"\r\n"+
			"Copyright (C) 1991-%d Hewlett-Packard Co.  All Rights Reserved.\n"+
			"\n"+
			"                           RESTRICTED RIGHTS LEGEND\n"+
			"\n"+
			" Use, duplication, or disclosure by the Government is subject to restrictions\n"+
			" as set forth in subdivision (b) (3) (ii) of the Rights in Technical Data and\n"+
			" Computer Software clause at 52.227-7013.\n"+
			"\n"+
			"         HEWLETT-PACKARD COMPANY, 3000 Hanover St., Palo Alto, CA 94303\n"+
			"\n"+
			"We'd like to keep you up to date about:\n"+
			"  * Software feature updates\n"+
			"  * New product announcements\n"+
			"  * Special events\n"+
			"\n"+
			"Please register your products now at:  www.ProCurve.com\n"+
			"\n"+
			"\n",
		"capture: exscript hp_pro_curve.1 (K.13.60), VERIFIED-RAW")
)

// Crash logs (copy crash-log / crash-data): the wording of a real E8212zl
// crash log in "show tech buffers" (ntc-templates, NOTES-procurve 3.8).
var (
	CrashLogTitle  = t("crash-log-title", "\n\n%s Management Module %d Crash Log\n\n", "capture: ntc-templates hp_procurve_show_tech_buffers.raw (K.15.06.0017)")
	CrashLogEmpty  = t("crash-log-empty", "Crash Log Uninitialized\n", "capture: ntc-templates hp_procurve_show_tech_buffers.raw")
	CrashLogHeader = t("crash-log-header",
		"...Crash Log File Header..........................\n"+
			"Product:   HP %s\n"+
			"Name:      %s\n"+
			"Date:      %s\n"+
			"Build:     %d\n"+
			"Version:   %s\n"+
			"..................................................\n",
		"capture: ntc-templates hp_procurve_show_tech_buffers.raw (Directory, CPU and the boot-type lines left out)")
	CrashLogRecord = t("crash-log-record",
		"----- Crash Record:   %d -----\n"+
			"Mgmt Module %d went down in %s Mode\n"+
			"timestamp:  %s\n"+
			"Crash msg:  %s\n",
		"capture: ntc-templates hp_procurve_show_tech_buffers.raw (its 'at 0x...' address left out)")
	CrashLogData = t("crash-log-data", "crash info = 0xbaabface\n", "capture: ntc-templates hp_procurve_show_tech_buffers.raw")
	CrashLogEnd  = t("crash-log-end", "-----\n", "capture: ntc-templates hp_procurve_show_tech_buffers.raw")
)
