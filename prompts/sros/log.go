package sros

import "github.com/switchsim/switchsim/model"

// LogText is how one model log message prints in event log 99: its
// event id, severity, application, subject and the quoted message (formats
// the renderer fills in).
type LogText struct {
	ID          int
	Severity    string
	Application string
	Subject     string
	Message     string
}

// Log are the messages log 99 shows; the model's other messages (logins,
// the interface modules' boot steps...) are not logged by TiMOS in this
// form and are left out.
//
// The line layout is a real capture's (FACTS 1.7). Only CHASSIS #2002 and
// its words are sourced (a 2018 vSR's syslog of the same event); the other
// ids follow 2000 + the TIMETRA-CHASSIS-MIB notification number - 6, a
// rule fitted to that one pair (tmnxEqCardInserted is notification 8),
// and their words are ours: UNSOURCED.md lists them.
var Log = map[model.Msg]LogText{
	model.MsgSlotInserted:   {2002, "MINOR", "CHASSIS", "Card %s", "Class IO Module : inserted"},
	model.MsgDifferentSW:    {2010, "MAJOR", "CHASSIS", "Card %s", "Class CPM Module : software version mismatch with the active CPM"},
	model.MsgUserSwitchover: {2015, "MAJOR", "CHASSIS", "Card %s", "Class CPM Module : active CPM stopped (user-initiated switchover), CPM %s is now active"},
	model.MsgFailover:       {2015, "MAJOR", "CHASSIS", "Card %s", "Class CPM Module : active CPM stopped, CPM %s is now active"},
	model.MsgStandby:        {2016, "MINOR", "CHASSIS", "Card %s", "Class CPM Module : standby CPM ready"},
	model.MsgSyncAlarmClear: {2019, "MINOR", "CHASSIS", "cf3-%s:", "Clear: %s synchronization to the standby CPM"},
	model.MsgSyncFailed:     {2027, "MAJOR", "CHASSIS", "cf3-%s:", "Compact flash cf3-%s: %s; %s synchronization to the standby CPM failed"},
}

// LogSources says where each line of Log comes from.
var LogSources = map[model.Msg]string{
	model.MsgSlotInserted:   "capture: syslog 'CHASSIS-MINOR-tmnxEqCardInserted-2002 [Card 1]:  Class IO Module : inserted' of a 2018 vSR (FACTS 1.7)",
	model.MsgDifferentSW:    "no source: id from tmnxPeSoftwareVersionMismatch (16)",
	model.MsgUserSwitchover: "no source: id from tmnxRedPrimaryCPMFail (21)",
	model.MsgFailover:       "no source: id from tmnxRedPrimaryCPMFail (21)",
	model.MsgStandby:        "no source: id from tmnxRedSecondaryCPMStatusChange (22)",
	model.MsgSyncAlarmClear: "no source: id from tmnxChassisNotificationClear (25)",
	model.MsgSyncFailed:     "no source: id from tmnxEqFlashDiskFull (33); manual 003 says only that alarms and log messages name the error",
}

// Flash faults and synchronization kinds as the log words them.
var (
	FaultFull    = t("fault-full", "is full", "no source")
	FaultRemoved = t("fault-removed", "is not present", "no source")
	KindConfig   = t("kind-config", "configuration", "no source")
	KindBootEnv  = t("kind-boot-env", "boot environment", "no source")
)
