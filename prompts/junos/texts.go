// Package junos holds the Junos texts of the MX240 with two Routing
// Engines and of the QFX5100 with its in-service software reboot (manual
// 004: issr.go). Each text names its source: "capture" is real device output in
// ../shared/reference/juniper_junos or the fact sheet's raw/ captures
// (notes/junos), "tool" a string automation clients wait for or match,
// "doc" Juniper documentation prose, and "no source" marks our own wording
// (listed in UNSOURCED.md).
package junos

import "github.com/switchsim/switchsim/prompts"

func t(name, text, source string) string { return prompts.Register("junos", name, text, source) }

// Session and CLI texts.
var (
	LoginBanner = t("login-banner", "--- JUNOS %s built %s\n",
		"capture: crtc README (12.3 'built' form), EX 13.2X51 console; the date is the image's build time")
	Pager = t("pager", "---(more)---",
		"capture: gnetcli device_test '---(more)---'; tool: NOC ^---\\(more.*?\\)---, crtc")
	PagerPercent = t("pager-percent", "---(more %d%%)---",
		"capture: gnetcli device_test '---(more 100%)---'; tool: crtc --\\(more \\d+%\\)--")
	SessionLimit = t("session-limit", "error: maximum number of sessions reached",
		"no source: refusal when the configured session limit is reached")
	IdleTimeout = t("idle-timeout", "Session timed out",
		"no source")
	ScreenLength = t("screen-length", "Screen length set to %d",
		"capture: crtc, EX console (Screen length set to 75); tool: netmiko 4 waits for 'Screen length set to'")
	ScreenWidth = t("screen-width", "Screen width set to %d",
		"capture: crtc (Screen width set to 300); tool: netmiko 4 waits for 'Screen width set to'")
	CompleteOnSpaceOff = t("complete-on-space-off", "Disabling complete-on-space",
		"capture: gnetcli mock of a 21.2 session; tool: netmiko 4 waits for it")
	CompleteOnSpaceOn = t("complete-on-space-on", "Enabling complete-on-space",
		"no source: worded after 'Disabling complete-on-space'")
	TimestampOn = t("timestamp-on", "CLI timestamp set to: %b %d %T",
		"capture: crtc 'set cli timestamp' (the format is printed as is)")
	TimestampOff = t("timestamp-off", "CLI timestamp disabled",
		"no source: the acknowledgement of 'set cli timestamp disable' (Ansible sends it at every login)")
	TimestampFormat = t("timestamp-format", "Jan 02 15:04:05",
		"capture: crtc 'Dec 01 19:02:31' lines (Go time layout of %b %d %T)")
	ExecError = t("exec-error", "error: %s: %s",
		"capture: ssh exec form 'error: syntax error, expecting <command>: nonsense' (NOTES-other-vendors 3.7)")
)

// Parse errors: a caret under the offending column (counted from the
// start of the prompt), then the message.
var (
	UnknownCommand = t("unknown-command", "unknown command.",
		"capture: gnetcli mock 'dis clock'; tool: NOC, scrapligo, Ansible match 'unknown command'")
	SyntaxExpecting = t("syntax-expecting", "syntax error, expecting <command>.",
		"capture: cli_error_forms.txt 'show version c'")
	SyntaxError = t("syntax-error", "syntax error.",
		"capture: cli_error_forms.txt 'show version a'; set-command errors (raw web_cli_misc_captures E)")
	Ambiguous = t("ambiguous", "'%s' is ambiguous.",
		"capture: cli_error_forms.txt 'show chassis cluster i', m120 's'")
	MissingArgument = t("missing-argument", "missing argument.",
		"capture: 'set interfaces ' and 'set system ' (raw web_cli_misc_captures E)")
	BadInterface = t("bad-interface", "invalid interface type in '%s'.",
		"capture: 'set interfaces sdfsdf' (raw web_cli_misc_captures E)")
	BadNumber = t("bad-number", "invalid numeric value: '%s'.",
		"no source: the words 'invalid numeric value' are matched by scrapligo's v2 definition; the quoting is ours")
	OutOfRange = t("out-of-range", "value is out of range: '%s' (%s)",
		"no source")
	BadAddress = t("bad-address", "invalid ip address or prefix: '%s'.",
		"no source")
	BadValue = t("bad-value", "invalid value: '%s'.",
		"no source")
	Unterminated = t("unterminated", "unmatched quote.",
		"no source: an open double quote at the end of a line")
)

// `?` help.
var (
	PossibleCompletions = t("possible-completions", "Possible completions:",
		"capture: cli_error_forms.txt, help lists (raw web_help_set_protocols_mld, web_ex_13.2X51_console_configure_help)")
	HelpEnter = t("help-enter", "<[Enter]>",
		"capture: help lists ('<[Enter]>            Execute this command')")
	HelpEnterText = t("help-enter-text", "Execute this command",
		"capture: help lists")
	HelpPipe = t("help-pipe", "Pipe through a command",
		"capture: help lists ('|                    Pipe through a command')")
	NoCompletions = t("no-completions", "No valid completions",
		"tool: scrapligo failed-when-contains 'No valid completions'")
)

// Configuration mode.
var (
	EnteringConfig = t("entering-config", "Entering configuration mode",
		"capture: vMX 17.4, EX console, forwardingplane 12.3; tool: netmiko 4 'Entering configuration mode.*\\].*#'")
	ChangedNotCommitted = t("changed-not-committed", "The configuration has been changed but not committed",
		"capture: forwardingplane 12.3 (edit with pending changes)")
	ExitingConfig = t("exiting-config", "Exiting configuration mode",
		"capture: commit and-quit on vMX 17.4, EX VC, MX 21.4")
	ExitUncommitted = t("exit-uncommitted", "Exit with uncommitted changes? [yes,no] (yes) ",
		"tool: scrapli _abort_config waits for 'Exit with uncommitted changes? [yes,no] (yes)'; netmiko matches 'Exit with uncommitted changes?'")
	UsersEditing = t("users-editing", "Users currently editing the configuration:",
		"capture: EX 13.2X51 console; doc: status command")
	EditorLine = t("editor-line", "  %s terminal %s (pid %d) on since %s",
		"doc: configure-exclusive and status samples ('  user1 terminal p1 (pid 66847) on since 2004-04-19 12:32:56 PDT')")
	EditorPath = t("editor-path", "      %s",
		"doc: status sample ('      [edit interfaces]'), EX console ('      exclusive')")
	DatabaseLocked = t("database-locked", "error: configuration database locked by:",
		"doc: configure exclusive (line breaks reconstructed, raw web_cli_misc_captures J)")
	DatabaseModified = t("database-modified", "error: configuration database modified",
		"capture: gnetcli device_test 'configure exclusive error: configuration database modified'")
	SharedModified = t("shared-modified", "error: shared configuration database modified",
		"capture (driver author's notes, vJunos-switch): 'error: shared configuration database modified'")
	PrivateWarning = t("private-warning", "warning: uncommitted changes will be discarded on exit",
		"no source: doc says private changes are discarded on exit; the wording is from memory")
	ExclusiveQuit = t("exclusive-quit",
		"warning: Auto rollback on exiting 'configure exclusive'\nDiscard uncommitted changes? [yes,no] (yes) ",
		"doc: configure exclusive (line breaks reconstructed, raw web_cli_misc_captures J)")
	Discarding = t("discarding", "warning: discarding uncommitted changes",
		"doc: configure exclusive (raw web_cli_misc_captures J)")
	LoadComplete = t("load-complete", "load complete",
		"capture: rollback/load tutorials (idx 56117798298), vSRX 23.2 load replace")
	AtTop = t("at-top", "warning: already at the top of the hierarchy",
		"no source: 'up' at [edit] (FACTS 2.5)")
	StatementNotFound = t("statement-not-found", "warning: statement not found",
		"no source: delete of an absent statement (FACTS 2.6)")
	BadRollback = t("bad-rollback", "error: invalid rollback number: %d",
		"no source: rollback past the kept configurations (FACTS 2.4)")
	ConfigCheckSucceeds = t("config-check-succeeds", "configuration check succeeds",
		"capture: forwardingplane 12.3, EX VC; tool: netmiko commit(check=True)")
	CommitComplete = t("commit-complete", "commit complete",
		"capture: every commit; tool: netmiko commit() requires it")
	REHeader = t("re-header", "%s:",
		"capture: forwardingplane 12.3 dual-RE commit ('re0:' / 're1:')")
	CommitConfirmedWill = t("commit-confirmed-will", "commit confirmed will be automatically rolled back in %d minutes unless confirmed",
		"capture: vQFX commit confirmed 2; tool: netmiko commit(confirm=True)")
	CommitConfirmedPending = t("commit-confirmed-pending", "# commit confirmed will be rolled back in %d minutes",
		"capture: vQFX commit confirmed 2 (first occurrence; repeated before every prompt while pending: FACTS 2.3)")
	MissingMandatory = t("missing-mandatory",
		"[edit]\n  '%s'\n    Missing mandatory statement: '%s'\nerror: commit failed: (missing mandatory statements)",
		"capture: issue 11 ('real captures'); NETCONF 15.1F4 'Missing mandatory statement: 'root-authentication''")
	NSRNeedsSync = t("nsr-needs-sync",
		"[edit routing-options]\n  'nonstop-routing'\n    Synchronize should be configured with NSR\nerror: commit failed: (statements constraint check failed)",
		"no source: doc says NSR requires commit synchronize; the words are from memory, the last line as the QFX commit failure")
	CommitOnBackup = t("commit-on-backup", "error: commit is not allowed on the backup Routing Engine",
		"no source")
	SyncUnreachable = t("sync-unreachable", "warning: Cannot connect to other RE, ignoring it",
		"no source: commit synchronize while the other Routing Engine is down (from memory)")
	ConfirmedPrivate = t("confirmed-private", "error: 'commit confirmed' is not allowed in private mode",
		"no source: doc says commit confirmed is not allowed in configure private")
	PrivateTop = t("private-top", "error: commit must be done from the top of the hierarchy in private mode",
		"no source: doc says private mode commits from [edit]")
	ConfigBackupWarning = t("config-backup-warning",
		"warning: configuration changes on the backup Routing Engine cannot be committed",
		"no source")
	LastCommit = t("last-commit", "## Last commit: %s by %s",
		"capture: oxidized SRX300 22.4 show configuration")
	LastChanged = t("last-changed", "## Last changed: %s by %s",
		"no source: config-mode show at [edit] (FACTS 1.9 [I])")
	SecretData = t("secret-data", " ## SECRET-DATA",
		"capture: oxidized SRX300 22.4 show configuration")
)

// Routing Engine control (GRES).
var (
	MasterSwitchQuestion = t("master-switch-question", "Toggle mastership between routing engines ? [yes,no] (no) ",
		"capture: crtc GRES session (12.3), index id 69390923915 (17.3)")
	PFEWarning = t("pfe-warning", "warning: Traffic will be interrupted while the PFE is re-initialized",
		"capture: crtc README (without GRES configured)")
	ResolvingMastership = t("resolving-mastership", "Resolving mastership...",
		"capture: crtc GRES session")
	MastershipComplete = t("mastership-complete", "Complete. The other routing engine becomes the master.",
		"capture: crtc GRES session")
	NotReadyForSwitch = t("not-ready-for-switch", "Command aborted. Not ready for mastership switch, try after %d secs.",
		"capture: crtc README ('try after 229 secs'); the 240 s window is ours")
	SwitchoverReady = t("switchover-ready", "Switchover Ready",
		"capture: index id 69390923915 (master switch check on 17.3)")
	NoBackup = t("no-backup", "error: mastership switch request NOT honored, backup not ready",
		"capture: Toby code (index id 33785313601), doc: GRES readiness page")
	OtherRENotReady = t("other-re-not-ready", "error: the other routing engine is not available",
		"no source: rlogin to an RE that is down")
	RloginClosed = t("rlogin-closed", "rlogin: connection closed",
		"capture: index id 69390923915 (exit from the other RE)")
	SwitchoverShow = t("switchover-show",
		"Graceful switchover: %s\nConfiguration database: %s\nKernel database: %s\nSwitchover Status: %s\n",
		"capture: index id 69390923915 (show system switchover on the backup RE, 17.3)")
	SwitchoverOnMaster = t("switchover-on-master",
		"error: the show system switchover command is not supported on the master routing engine",
		"no source: doc says the command is deprecated on the master from 9.6")
	TaskReplication = t("task-replication", "        Stateful Replication: %s\n        RE mode: %s\n",
		"capture: index id 69390923915 and genie ShowTaskReplication (8-space indent)")
)

// Console boot output (unsourced: no capture of an RE's boot was found).
var (
	BootLoader = t("boot-loader", "\nFreeBSD/x86 bootstrap loader, Revision 1.1\nLoading /boot/defaults/loader.conf\n",
		"no source: a FreeBSD loader's first lines; no RE boot capture was found")
	BootKernel = t("boot-kernel", "Booting [/kernel]...\n",
		"no source")
	BootDown = t("boot-down", "\nWaiting (max 60 seconds) for system process 'vnlru' to stop...done\nsyncing disks... All buffers synced.\nRebooting...\n",
		"no source: a FreeBSD shutdown's lines")
	BootHalted = t("boot-halted", "\nThe operating system has halted.\nPlease press any key to reboot.\n",
		"no source: a FreeBSD halt message")
	BootNoImage = t("boot-no-image", "\ncan't load 'kernel'\n",
		"no source")
	BootFailed = t("boot-failed", "\nRouting Engine failed its diagnostics and is offline.\n",
		"no source")
)
