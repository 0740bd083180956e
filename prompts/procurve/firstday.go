package procurve

// Texts added for the first-day defects (issue 14).

// Branding: what a release calls itself and its hardware. ProVision
// software names the chassis and modules in its own brand, so a module
// running a ProCurve-era release prints ProCurve whatever the brand on
// its faceplate.
var (
	BrandProCurve = t("brand-procurve", "ProCurve",
		"capture: exscript hp_pro_curve.1 (K.13.60) and .2 (K.15.03.0007) banners; manual chapter 15 module descriptions (K.12)")
	BrandHP = t("brand-hp", "HP",
		"capture: oxidized #681 banner (K.15.07.0008); ntc-templates crash log and a LibreNMS sysDescr (K.15.06)")
	NameProCurve = t("name-procurve", "ProCurve %s Switch %s",
		"capture: 'ProCurve J8697A Switch 5406zl' (K.13.60, K.15.03.0007; NOTES-procurve 1)")
	NameHP = t("name-hp", "HP %s Switch E%s",
		"capture: 'HP J8698A Switch E5412zl' (K.15.07.0008), sysDescr 'HP J9091A Switch E8212zl' (K.15.06.0008; NOTES-procurve 1)")
	FirstHPRelease = t("brand-first-hp-release", "K.15.04",
		"no source: K.15.03.0007 still prints ProCurve and K.15.06 prints HP; that K.15.04 and K.15.05 print HP is inferred")
)

// Console and log traces of events.
var (
	CrashConsole = t("crash-console", "\nSoftware exception in task. The management module reboots.\n",
		"no source: what a crashing module prints on its console before its ROM banner is not known")
)

// show flash of an empty (erased) flash bank: its size is 0 and this
// stands in the date and version columns.
var FlashEmpty = t("flash-empty", "(no image)", "no source: what show flash prints for an erased flash is not known")

// hostname longer than the switch takes (the limit, 32, has no source
// for ProVision either: see commands/procurve maxHostname).
var HostnameTooLong = t("hostname-too-long", "The host name is longer than %d characters.",
	"no source: ProVision's message for a too-long hostname is not known")
