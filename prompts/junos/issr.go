package junos

import "strings"

// The in-service software reboot (ISSR) of manual 004 on a standalone
// QFX5100: its question, its log and the texts of a pre-check that fails.

// RebootQuestion is asked by request system reboot [in-service].
var RebootQuestion = t("reboot-question", "Reboot the system ? [yes,no] (no) ",
	"capture: request_system_reboot_dialog.txt ('Reboot the system ? [yes,no] (no) yes'); manual 004 prints 'Reboot the system ? [yes,no]' without the default (whitespace-collapsed)")

// RebootShutdown is what request system reboot prints after the answer:
// the shutdown broadcast framed by blank lines, then the shutdown's own
// lines (its host name and pid filled in).
var RebootShutdown = t("reboot-shutdown",
	"\n\n*** FINAL System shutdown message from root@%s ***\nSystem going down IMMEDIATELY\n\n\nShutdown NOW!\n[pid %d]\n",
	"capture: request_system_reboot_dialog.txt (its 'Reboot consistency check bypassed' line, printed only with an install pending, left out)")

// issrMarked is manual 004's log of request system reboot in-service, one
// line per row: the line as printed, a tab, then what about it is
// inferred. Manual 004 runs the whole log together (its text is
// whitespace-collapsed), so every line break is reconstructed:
//
//	break:notes  NOTES-other-vendors §3.6 breaks the line the same way
//	             (it reconstructs the log up to "Second dataplane
//	             container started")
//	break:ours   the break is ours (004's words run on)
//	spacing      the column spacing is inferred: the check lines keep
//	             004's single blanks around the colon; the Item / Status
//	             / Reason table takes the columns of show chassis
//	             in-service-upgrade (two blanks, then 15 and 24 wide)
//	blank        a blank line 004 cannot show: the two around the FINAL
//	             shutdown message, as request_system_reboot_dialog.txt
//	             frames it
//	paced        an untimestamped line printed at evenly spaced times
//	             between the timestamped lines around it (02:37:19 and
//	             02:42:55); any other untimestamped line is printed with
//	             the timestamped line before it
//
// A leading [Feb 22 hh:mm:ss] is 004's timestamp: the emulator prints the
// chassis clock there, as far after the first one as 004's is. The %s and
// %d fields are filled from the model: the checks' values, the running
// image, the spawned RE's index, the FPC rows and the host name.
const issrMarked = `[Feb 22 02:37:04]:ISSU: Validating Image	break:notes
PRE ISSR CHECK:	break:notes
---------------	break:notes
PFE Status : %s	break:notes, spacing
Member Id zero : %s	break:notes, spacing
VC not in mixed or fabric mode : %s	break:notes, spacing
Member is single node vc : %s	break:notes, spacing
BFD minimum-interval check done : %s	break:notes, spacing
GRES enabled : %s	break:notes, spacing
NSR enabled : %s	break:notes, spacing
drop-all-tcp not configured : %s	break:notes, spacing
Ready for ISSR : %s	break:notes, spacing
warning: Do NOT use /user during ISSR. Changes to /user during ISSR may get lost!	break:notes
Current image is %s	break:notes
[Feb 22 02:37:14]:ISSU: Preparing Backup RE	break:notes
Prepare for ISSR	break:notes
[Feb 22 02:37:19]:ISSU: Backup RE Prepare Done	break:notes
Spawning the backup RE	break:notes, paced
Spawn backup RE, index %d successful	break:notes, paced
Starting secondary dataplane	break:notes, paced
Second dataplane container started	break:notes, paced
GRES in progress	break:ours, paced
Waiting for backup RE switchover ready	break:ours, paced
GRES operational	break:ours, paced
Copying home directories	break:ours, paced
Copying home directories successful	break:ours, paced
Initiating Chassis In-Service-Upgrade for ISSR	break:ours, paced
Chassis ISSU Started	break:ours, paced
[Feb 22 02:42:55]:ISSU: Preparing Daemons	break:ours
[Feb 22 02:43:00]:ISSU: Daemons Ready for ISSU	break:ours
[Feb 22 02:43:05]:ISSU: Starting Upgrade for FRUs	break:ours
[Feb 22 02:43:15]:ISSU: FPC Warm Booting	break:ours
[Feb 22 02:44:16]:ISSU: FPC Warm Booted	break:ours
[Feb 22 02:44:27]:ISSU: Preparing for Switchover	break:ours
[Feb 22 02:44:31]:ISSU: Ready for Switchover	break:ours
Checking In-Service-Upgrade status	break:ours
  Item           Status                  Reason	break:ours, spacing
  FPC %-11sOnline (ISSU)	break:ours, spacing
Send ISSR done to chassisd on backup RE	break:ours
Chassis ISSU Completed	break:ours
Removing dcpfe0 eth1 128.168.0.16 IP	break:ours
Bringing down bme00	break:ours
Post Chassis ISSU processing done	break:ours
[Feb 22 02:44:33]:ISSU: IDLE	break:ours
Stopping primary dataplane	break:ours
Clearing ISSU states	break:ours
Console and management sessions will be disconnected. Please login again.	break:ours
device_handoff successful ret: 0	break:ours
Shutdown NOW!	break:ours
[pid 14305]	break:ours
	blank
	blank
*** FINAL System shutdown message from root@%s ***	break:ours
System going down IMMEDIATELY	break:ours
	blank
	blank`

// ISSRLog is the log's text as printed (with 004's timestamps, and the
// fields to fill): issrMarked without its marks.
var ISSRLog = t("issr-log", unmark(issrMarked),
	"manual 004 (request system reboot in-service on sw-duckhorn-01), the words in 004's order; every line break, the column spacing and the blank lines around the shutdown message are inferred, line by line in issrMarked (prompts/junos/issr.go); 004 wins over NOTES §3.6 ('Send ISSR done', not 'ISSU')")

// ISSRLine is one line of the log with what the emulator needs to know
// to print it: its text (a format), its timestamp's offset from the
// first one when it has one, and whether it is paced.
type ISSRLine struct {
	Text    string
	Stamped bool
	Stamp   string // 004's "Feb 22 02:37:04" on a timestamped line
	Paced   bool
	Marks   string
}

// ISSRLines is the log line by line, with its marks.
func ISSRLines() []ISSRLine {
	var out []ISSRLine
	for _, row := range strings.Split(issrMarked, "\n") {
		text, marks, _ := strings.Cut(row, "\t")
		l := ISSRLine{Text: text, Marks: marks}
		if strings.HasPrefix(text, "[") && len(text) > 17 && text[16] == ']' {
			l.Stamped, l.Stamp, l.Text = true, text[1:16], text[17:]
		}
		for _, m := range strings.Split(marks, ",") {
			if strings.TrimSpace(m) == "paced" {
				l.Paced = true
			}
		}
		out = append(out, l)
	}
	return out
}

func unmark(s string) string {
	var b strings.Builder
	for i, row := range strings.Split(s, "\n") {
		if i > 0 {
			b.WriteByte('\n')
		}
		text, _, _ := strings.Cut(row, "\t")
		b.WriteString(text)
	}
	return b.String()
}

// The lines of the log the emulator acts at (each is a line of ISSRLog).
const (
	ISSRStampFormat     = "[%s]"
	ISSRStampLayout     = "Jan 02 15:04:05"
	ISSRSpawning        = "Spawning the backup RE"
	ISSRSpawned         = "Spawn backup RE, index %d successful"
	ISSRGRESOperational = "GRES operational"
	ISSRFPCRow          = "  FPC %-11sOnline (ISSU)"
	ISSRImage           = "Current image is %s"
	ISSRFinal           = "*** FINAL System shutdown message from root@%s ***"
)

// The pre-checks in 004's order, the value a passing check prints, and
// what a failing one prints (no source shows a failing check: ours).
var (
	ISSRChecks = []string{"PFE Status", "Member Id zero", "VC not in mixed or fabric mode",
		"Member is single node vc", "BFD minimum-interval check done", "GRES enabled", "NSR enabled",
		"drop-all-tcp not configured", "Ready for ISSR"}
	ISSROnline = "Online"
	ISSRValid  = "Valid"

	ISSROffline = t("issr-offline", "Offline",
		"no source: the failing value of 'PFE Status' (004 shows 'Online')")
	ISSRInvalid = t("issr-invalid", "Invalid",
		"no source: the failing value of a check 004 shows as 'Valid'")
	ISSRNotReady = t("issr-not-ready", "Not ready, try after %d secs",
		"no source: 'Ready for ISSR' within the readiness window after a switch or ISSR, worded after the mastership switch's 'try after N secs'")
	ISSRInProgress = t("issr-in-progress", "ISSR in progress",
		"no source: 'Ready for ISSR' while another ISSR runs")
	ISSRBackupPresent = t("issr-backup-present", "Backup RE present",
		"no source: 'Ready for ISSR' while a backup RE is up (only an ISSR makes one)")
	ISSUAborted = t("issu-aborted", "error: ISSU Aborted",
		"capture: the error lines a JTAC ISSU tool waits for (crtc README, NOTES-other-vendors §3.6); the line after a failing pre-check or step is ours")
	ISSRSpawnFailed = t("issr-spawn-failed", "Spawn backup RE, index %d failed",
		"no source: worded after 004's 'Spawn backup RE, index 1 successful'")
	ISSRUnsupported = t("issr-unsupported", "error: in-service software reboot is not supported on this platform",
		"no source: request system reboot in-service on a chassis with two REs of its own (an MX)")
	ISSRBackupNotReady = t("issr-backup-not-ready", "Backup RE not ready for switchover",
		"no source: the spawned RE failed or went away before the switchover")
)
