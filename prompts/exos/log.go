package exos

import "github.com/switchsim/switchsim/model"

// LogText is how one model log message prints in show log: its severity
// tag, component and words. The line format (MM/DD/YYYY HH:MM:SS.cc
// <Sev:Component> node: text, newest first) is from real logs
// (raw_log_samples.txt); the messages a BlackDiamond logs on a failover,
// a reboot or an upgrade were not found in any source, so every entry's
// words are ours (listed in UNSOURCED.md) except the login line.
//
// Format verbs: the first %s is the label of the module the line is about
// (MSM-A), then the message's arguments.
type LogText struct {
	Severity  string
	Component string
	Format    string
}

// Log maps the model's messages to EXOS lines.
var Log = map[model.Msg]LogText{
	model.MsgReboot:          {"Noti", "DM.Notice", "System reboot (%[2]s)"},
	model.MsgDownNoCrash:     {"Warn", "DM.Warning", "Node %[1]s is DOWN"},
	model.MsgDown:            {"Warn", "DM.Warning", "Node %[1]s is DOWN"},
	model.MsgSelftestFatal:   {"Crit", "DM.Critical", "No MSM passed diagnostics"},
	model.MsgBooted:          {"Info", "DM.Info", "Node %[1]s State[1] = INIT"},
	model.MsgActive:          {"Noti", "DM.Notice", "Node %[1]s State[4] = MASTER"},
	model.MsgStandby:         {"Noti", "DM.Notice", "Node %[1]s State[3] = BACKUP"},
	model.MsgOfflineDisabled: {"Noti", "DM.Notice", "Node %[1]s State[2] = STANDBY"},
	model.MsgFailedSelftest:  {"Crit", "DM.Critical", "Node %[1]s State[5] = FAIL (diagnostics failed)"},
	model.MsgLostComm:        {"Crit", "DM.Critical", "Lost communication with node %[1]s"},
	model.MsgResetting:       {"Noti", "DM.Notice", "Node %[1]s is being reset"},
	model.MsgDifferentSW:     {"Warn", "DM.Warning", "Node %[1]s runs a different ExtremeXOS version than the master"},
	model.MsgFailover:        {"Crit", "DM.Critical", "MSM failover: node %[1]s is the new master"},
	model.MsgUserSwitchover:  {"Noti", "DM.Notice", "User initiated MSM failover: node %[1]s is the new master"},
	model.MsgOfflineIncompat: {"Warn", "DM.Warning", "Node %[1]s is not used as backup (incompatible software)"},
	model.MsgShutdownIgnored: {"Warn", "DM.Warning", "There is no backup MSM: shutdown request ignored"},
	model.MsgOfflineShutdown: {"Noti", "DM.Notice", "Node %[1]s is shut down"},
	model.MsgOSSync:          {"Info", "DM.Info", "Copying the %[2]s image to the backup MSM"},
	model.MsgStandbyReboot:   {"Noti", "DM.Notice", "Backup MSM image updated, rebooting the backup MSM"},
	model.MsgSyncBegin:       {"Info", "DM.Info", "Synchronization of the backup MSM started"},
	model.MsgSyncEnd:         {"Info", "DM.Info", "Synchronization of the backup MSM complete"},
	model.MsgROMUpdate:       {"Noti", "DM.Notice", "Node %[1]s BootROM updated to %[2]s"},
	model.MsgFabricInserted:  {"Info", "HAL.Card.Info", "Fabric %[2]s inserted"},
	model.MsgSlotInserted:    {"Info", "HAL.Card.Info", "Card in slot %[2]s is inserted"},
	model.MsgSlotDownloading: {"Noti", "HAL.Card.Notice", "Card in slot %[2]s is loading the I/O module image"},
	model.MsgSlotDownloaded:  {"Info", "HAL.Card.Info", "Card in slot %[2]s finished loading the I/O module image"},
	model.MsgSlotReady:       {"Noti", "HAL.Card.Notice", "Card in slot %[2]s is on-line"},
	model.MsgSession:         {"Info", "AAA.authPass", "Login passed for user %[4]s through %[2]s (%[3]s)"},
}

// LogSources says where each line of Log comes from.
var LogSources = map[model.Msg]string{
	model.MsgSession: "capture: the syslog form 'AAA: Login passed for user admin through telnet (10.25.1.250)' (raw_log_samples.txt); the AAA.authPass component is from memory",
}

// Vendor log lines (model.AddLog): severity, component and words.
var (
	LogSaved     = t("log-saved", "Info|cm.file.saveCfg|Configuration saved to %s", "no source")
	LogDownload  = t("log-download", "Info|EPM.upgrade|Image %s downloaded to %s", "no source")
	LogInstall   = t("log-install", "Noti|EPM.upgrade|ExtremeXOS %s installed to the %s partition of %s", "no source")
	LogUseImage  = t("log-use-image", "Info|EPM.Info|%s will boot from the %s partition", "no source")
	LogFailover  = t("log-failover", "Noti|DM.Notice|MSM failover requested by user %s (I/O modules: %s)", "no source")
	LogSync      = t("log-synchronize", "Noti|DM.Notice|Synchronizing the backup MSM with the master", "no source")
	LogRebootMSM = t("log-reboot-msm", "Noti|DM.Notice|Reboot of %s requested by user %s", "no source")
)
