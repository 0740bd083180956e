package junos

// The QFX5100's own texts: a standalone switch is a one-member virtual
// chassis, so its banner names the member and its show version the FPC.
var (
	// VCBanner is the banner line's role and member ("{master:0}").
	VCBanner = t("vc-banner", "{%s:%d}",
		"capture: QFX5100 17.3 session (raw web_qfx5100_17.3_session.txt), ntc and genie show version fixtures ('{master:0}'); '{backup:0}' for a spawned backup RE is ours")
	// VCHeader is show version's member header above the dashes.
	VCHeader = t("vc-header", "fpc%d:",
		"capture: QFX5100 17.3 session and ntc qfx5100 fixture ('fpc0:' then the dashes, even standalone)")
	// QFXPackages is the package list of a QFX5100, one %s for the
	// release on each line.
	QFXPackages = t("qfx-packages",
		"JUNOS Base OS boot [%[1]s]\n"+
			"JUNOS Base OS Software Suite [%[1]s]\n"+
			"JUNOS Crypto Software Suite [%[1]s]\n"+
			"JUNOS Crypto Software Suite [%[1]s]\n"+
			"JUNOS Online Documentation [%[1]s]\n"+
			"JUNOS Kernel Software Suite [%[1]s]\n"+
			"JUNOS Packet Forwarding Engine Support (qfx-ex-x86-32) [%[1]s]\n"+
			"JUNOS Routing Software Suite [%[1]s]\n"+
			"JUNOS jsd [i386-%[1]s-jet-1]\n"+
			"JUNOS SDN Software Suite [%[1]s]\n"+
			"JUNOS Enterprise Software Suite [%[1]s]\n"+
			"JUNOS Web Management Platform Package [%[1]s]\n"+
			"JUNOS py-base-i386 [%[1]s]\n"+
			"JUNOS py-extensions-i386 [%[1]s]\n"+
			"JUNOS Host Software [%[1]s]\n",
		"capture: QFX5100-48S-6Q on 17.3R3-S4.2 (raw web_qfx5100_17.3_session.txt), the same lines with the scenario's 18.1 release (the 18.1 list itself is not in any capture)")

	// QFX5100 inventory rows: item|version|part|serial|description.
	QFXPseudoCB = t("qfx-pseudo-cb", "Pseudo CB 0||||",
		"capture: ntc show_chassis_hardware qfx5100 fixture")
	QFXCPU = t("qfx-cpu", "  CPU||BUILTIN|BUILTIN|FPC CPU",
		"capture: ntc qfx5100 fixture")
	QFXPIC = t("qfx-pic", "  PIC 0||BUILTIN|BUILTIN|48x10G-6x40G",
		"capture: ntc qfx5100 fixture")
	QFXXcvr = t("qfx-xcvr", "    Xcvr %d|REV 01|740-031980|AA1432%05d|SFP+-10G-SR",
		"no source: the fixture's SFP+-10G-SR row with its part number redacted; 740-031980 and the serials are estimates")
	QFXPower = t("qfx-power", "Power Supply %d|REV 03|740-041741|1GA2403%04d|JPSU-650W-AC-AFO",
		"no source: the fixture's JPSU-650W-AC-AFO rows with their part number redacted; 740-041741 and the serials are estimates")
	QFXFan = t("qfx-fan", "Fan Tray %d||||QFX5100 Fan Tray %[1]d, Front to Back Airflow - AFO",
		"capture: ntc qfx5100 fixture (five trays)")
)
