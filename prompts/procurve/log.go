package procurve

import "github.com/switchsim/switchsim/model"

// LogText is how one model log message prints: its five-digit event id
// (0 prints none), severity letter, subsystem and words (a format taking
// the module number or the message's argument).
type LogText struct {
	ID        int
	Severity  string
	Subsystem string
	Format    string
}

// Log is the chapter's event log table, keyed by the model's messages.
// Ids 00061, 00062, 00066, 00068, 00260, 00261, 00264, 00375, 00376, 00422
// and 00179 and their severities are the ones Figures 15-18 and 15-31
// print. The chapter's table gives the words of the others but no ids:
// those ids (00263 and 00265-00278) are ours, and marked so.
var Log = map[model.Msg]LogText{
	model.MsgReboot:          {0, "M", "sys", "'%s'"},
	model.MsgBootSeparator:   {61, "I", "system", "---------------------------------------------"},
	model.MsgDownNoCrash:     {62, "I", "system", "Mgmt Module %d went down without saving crash information"},
	model.MsgDown:            {263, "I", "system", "Mgmt Module %d went down"},
	model.MsgSelftestFatal:   {265, "M", "system", "Boot-up selftest failed"},
	model.MsgBooted:          {66, "I", "system", "Mgmt Module %d Booted"},
	model.MsgActive:          {260, "I", "system", "Mgmt Module %d Active"},
	model.MsgStandby:         {261, "I", "system", "Mgmt Module %d in Standby Mode"},
	model.MsgOfflineDisabled: {262, "I", "system", "Mgmt Module %d Offline (redundancy disabled)"},
	model.MsgFailedSelftest:  {264, "I", "system", "Mgmt Module %d Failed Selftest"},
	model.MsgLostComm:        {266, "W", "system", "Lost Communication with Mgmt Module %d"},
	model.MsgResetting:       {267, "I", "system", "Resetting Mgmt Module %d"},
	model.MsgDifferentSW:     {268, "I", "system", "Mgmt Module %d - Running different version of SW"},
	model.MsgFailover:        {269, "W", "system", "Mgmt Module %d - Failover occurred"},
	model.MsgUserSwitchover:  {270, "I", "system", "Mgmt Module %d - User initiated switchover occurred"},
	model.MsgOfflineIncompat: {271, "W", "system", "Mgmt Module %d - Offline (incompatible SW versions)"},
	model.MsgShutdownIgnored: {272, "W", "system", "Other management module is not in standby, shutdown request ignored"},
	model.MsgOfflineShutdown: {273, "I", "system", "Mgmt Module %d Offline (shutdown)"},
	model.MsgOSSync:          {274, "I", "system", "Syncing %s OS to standby"},
	model.MsgStandbyReboot:   {275, "I", "system", "Standby boot image updated, rebooting standby"},
	model.MsgSyncBegin:       {276, "I", "system", "Initial active to standby sync started"},
	model.MsgSyncEnd:         {277, "I", "system", "Initial active to standby sync complete"},
	model.MsgROMUpdate:       {278, "I", "system", "Mgmt Module %d boot ROM updated to %s"},
	model.MsgFabricInserted:  {68, "I", "chassis", "Fabric %s Inserted"},
	model.MsgSlotInserted:    {68, "I", "chassis", "Slot %s Inserted"},
	model.MsgSlotDownloading: {375, "I", "chassis", "Slot %s Downloading"},
	model.MsgSlotDownloaded:  {376, "I", "chassis", "Slot %s Download Complete"},
	model.MsgSlotReady:       {422, "I", "chassis", "Slot %s Ready"},
	model.MsgSession:         {179, "I", "mgr", "SME %s Session - %s Mode"},
	model.MsgLoginFailed:     {279, "W", "auth", "Invalid user name/password on %s session from %s"},
}

// LogSources says where each line of Log comes from, for README and
// FIGURES.md.
var LogSources = map[model.Msg]string{
	model.MsgReboot:          "manual 15-18, 15-31",
	model.MsgBootSeparator:   "manual 15-18, 15-31 (dash run cut short by the extraction; rebuilt to fill the line)",
	model.MsgDownNoCrash:     "manual 15-18, 15-31",
	model.MsgDown:            "no source for the id; words from the chapter's table #2 (on a switchover, the reason after a colon is ours)",
	model.MsgSelftestFatal:   "no source for the id; words from the chapter's table #4",
	model.MsgBooted:          "manual 15-18, 15-31",
	model.MsgActive:          "manual 15-18, 15-31",
	model.MsgStandby:         "manual 15-18, 15-31",
	model.MsgOfflineDisabled: "no source for the id; words from the chapter's table #11",
	model.MsgFailedSelftest:  "manual 15-18, 15-31 (severity I as printed there; the table says warn)",
	model.MsgLostComm:        "no source for the id; words from the chapter's table #13",
	model.MsgResetting:       "no source for the id; words from the chapter's table #14",
	model.MsgDifferentSW:     "no source for the id; words from the chapter's table #15",
	model.MsgFailover:        "no source for the id; words from the chapter's table #16",
	model.MsgUserSwitchover:  "no source for the id; words from the chapter's table #17",
	model.MsgOfflineIncompat: "no source for the id; words from the chapter's table #18",
	model.MsgShutdownIgnored: "no source for the id; words from the chapter's table #19",
	model.MsgOfflineShutdown: "no source for the id; words from the chapter's table #20",
	model.MsgOSSync:          "no source for the id; words from the chapter's table #22",
	model.MsgStandbyReboot:   "no source for the id; words from the chapter's table #23",
	model.MsgSyncBegin:       "no source for the id; words from the chapter's table #24",
	model.MsgSyncEnd:         "no source for the id; words from the chapter's table #25",
	model.MsgROMUpdate:       "no source: neither id nor words",
	model.MsgFabricInserted:  "manual 15-18, 15-31",
	model.MsgSlotInserted:    "manual 15-18, 15-31",
	model.MsgSlotDownloading: "manual 15-31",
	model.MsgSlotDownloaded:  "manual 15-31",
	model.MsgSlotReady:       "manual 15-31",
	model.MsgSession:         "manual 15-31 ('SME CONSOLE Session - MANAGER Mode')",
	model.MsgLoginFailed:     "no source: neither id nor words (a refused SSH or telnet login)",
}

// BootLog are the feature start-up lines Figures 15-18 and 15-31 show
// when the system finishes booting.
var BootLog = []model.LogEntry{
	{Severity: "I", Code: 690, Subsystem: "udpf", Text: "DHCP relay agent feature enabled"},
	{Severity: "I", Code: 400, Subsystem: "stack", Text: "Stack Protocol disabled"},
	{Severity: "I", Code: 128, Subsystem: "tftp", Text: "Enable succeeded"},
	{Severity: "I", Code: 417, Subsystem: "cdp", Text: "CDP enabled"},
	{Severity: "I", Code: 688, Subsystem: "lldp", Text: "LLDP - enabled"},
}
