package procurve

// Texts of the 8212zl's web browser interface (issue 18). Chapter 15,
// "Using the Web Browser for Redundant Management" (Figures 15-26 to
// 15-30, Table 15-2), names the tabs, buttons, pages and LEDs; the
// figures are pictures, so every other word of the pages is ours.
const web = "manual 001 ch.15 'Using the Web Browser for Redundant Management'"

const showRed = "manual 001 ch.15 Figures 15-1 to 15-25, show redundancy"

var (
	WebTabIdentity      = t("web-tab-identity", "Identity", web+": the Identity page (Figure 15-26)")
	WebTabStatus        = t("web-tab-status", "Status", web+": 'select the Status tab'")
	WebTabConfiguration = t("web-tab-configuration", "Configuration", web+": 'Select the Configuration tab'")
	WebButtonOverview   = t("web-button-overview", "Overview", web+": 'and then the Overview button'")
	WebButtonRedundancy = t("web-button-redundancy", "Redundancy Status", web+": 'the Redundancy Status button'")
	WebButtonDevice     = t("web-button-device", "Device View", web+": 'and then the Device View button'")
	WebSoftwareVersion  = t("web-software-version", "Software Version", "manual Figure 15-26's caption: 'Identity Page showing Software Version'")
	WebSystemUpTime     = t("web-system-up-time", "SystemUp Time", "manual Figure 15-27's caption: 'Showing the SystemUp Time for Both Management Modules'")
	// the Redundancy Status page: show redundancy's words
	WebMgmtRedundancy   = t("web-mgmt-redundancy", "Mgmt Redundancy", showRed+": 'Mgmt Redundancy :'")
	WebFailovers        = t("web-failovers", "Failovers", showRed+": 'Failovers       :'")
	WebLastFailover     = t("web-last-failover", "Last Failover", showRed+": 'Last Failover   :'")
	WebSlot             = t("web-slot", "Slot", showRed+": column 'Slot'")
	WebModuleDesc       = t("web-module-description", "Module Description", showRed+": column 'Module Description'")
	WebSWVersion        = t("web-sw-version", "SW Version", showRed+": column 'SW Version'")
	WebBootImage        = t("web-boot-image", "Boot Image", showRed+": column 'Boot Image'")
	WebLEDActv          = t("web-led-actv", "Actv", "manual 'Active (Actv) LED Behavior', Figure 15-30")
	WebLEDDwn           = t("web-led-dwn", "Dwn", "manual ch.15 hotswapping: 'The Dwn LED to the right of the MM Shutdown button'")
	WebMMReset          = t("web-mm-reset", "MM Reset", "manual ch.15: 'The MM Reset button found on each management module'")
	WebMMShutdown       = t("web-mm-shutdown", "MM Shutdown", "manual ch.15 hotswapping: 'the MM Shutdown button'")
	WebActvRow1         = t("web-actv-row1", "Correct Active/Standby mode", "manual Table 15-2, row 1")
	WebActvRow2         = t("web-actv-row2", "Failed standby module", "manual Table 15-2, row 2")
	WebActvRow3         = t("web-actv-row3", "Standby module is starting to take over", "manual Table 15-2, row 3")
	WebActvRow4         = t("web-actv-row4", "Switchover is complete", "manual Table 15-2, row 4")
	WebLEDSolidGreen    = t("web-led-solid-green", "Solid green", "manual Table 15-2")
	WebLEDFlashingGreen = t("web-led-flashing-green", "Flashing green", "manual Table 15-2")
	WebLEDFastOrange    = t("web-led-fast-orange", "fast orange flashing", "manual Table 15-2")
	WebLEDNotLit        = t("web-led-not-lit", "Not lit", "manual Table 15-2")

	// our own wording
	WebLEDStby = t("web-led-stby", "Stby",
		"no source: the Standby LED's label (the chapter's heading is 'Standby Led Behavior', its text 'To be completed')")
	WebStbyStates = t("web-stby-states", "solid green: standby mode; flashing green: warm standby; not lit: any other state",
		"no source: the Stby LED's states beyond 'solid green on the module in standby mode' (Figure 15-29's prose); the manual's table is 'To be completed'")
	WebLocator = t("web-locator", "Locator",
		"no source: the chassis locator LED's label in the drawing (chassislocate lights it)")
	WebLayout = t("web-layout", "interface slots A-F and G-L in two columns, the management and fabric modules across the middle, the System Support module below",
		"no source: the Device View drawing's arrangement (Figure 15-29 is a picture the text does not keep)")
	WebTitle = t("web-title", "%s - %s",
		"no source: every page's title: the hostname and the switch's product name")
	WebModuleHead = t("web-module-head", "Management Module %d",
		"no source: a management module's heading on the pages, worded like show version's 'Management Module 1:'")
	WebSystemName     = t("web-system-name", "System Name", "capture: show system 'System Name' (K.15.06)")
	WebSystemContact  = t("web-system-contact", "System Contact", "capture: show system 'System Contact' (K.15.06)")
	WebSystemLocation = t("web-system-location", "System Location", "capture: show system 'System Location' (K.15.06)")
	WebROMVersion     = t("web-rom-version", "ROM Version", "capture: show system 'ROM Version' (K.15.06)")
	WebSerialNumber   = t("web-serial-number", "Serial Number", "capture: show system 'Serial Number' (K.15.06)")
	WebBaseMAC        = t("web-base-mac", "Base MAC Addr", "capture: show system 'Base MAC Addr' (K.15.06)")
	WebProduct        = t("web-product", "Product Name", "no source: the Identity page's product line")
	WebStatusHead     = t("web-status", "Status", "manual 15-1..15-25: show redundancy's column 'Status'")
	WebUpTimeFormat   = t("web-up-time", "%d days, %d:%02d:%02d", "no source: how the pages print an up time")
	WebNotRunning     = t("web-not-running", "(not running)", "no source: a module that runs no software on the pages")
	WebRealm          = t("web-realm", "HP ProCurve Switch", "no source: the HTTP Basic authentication realm")
	WebUnauthorized   = t("web-unauthorized", "Log in with the switch's manager or operator user name and password.", "no source: a missing or wrong password")
	WebForbidden      = t("web-forbidden", "Access denied.", "no source: a request from another origin or for another host, or a chassis without passwords reached off loopback")
	WebNotFound       = t("web-not-found", "The requested page was not found on this switch.", "no source: an unknown page, or Redundancy Status while its button is hidden")
	WebReadOnly       = t("web-read-only", "This web interface shows the switch; it changes nothing. Use the CLI.", "no source: a POST (this emulator's pages are read-only)")
	WebReconnecting   = t("web-reconnecting", "The management module is changing: reconnecting...", "no source: what the page says while no module is active (a takeover)")
	WebLive           = t("web-live", "Live", "no source: the page follows the switch")
	WebHelpTitle      = t("web-help-title", "Help", "no source: the '?' button's title (the manual: 'the question mark button in the upper right corner')")
	WebHelpIdentity   = t("web-help-identity", "The Identity page shows the switch's name and the software version running on the active and on the standby management module.", "no source: the '?' help (the real one came from HP's web site)")
	WebHelpOverview   = t("web-help-overview", "Status, Overview: which management module is active and which is standby, the software each runs, and each one's SystemUp Time since its last reboot.", "no source: the '?' help")
	WebHelpRedundancy = t("web-help-redundancy", "Status, Redundancy Status: the active and standby management modules and the two fabric modules. The button is shown only while the other management module is in standby mode.", "no source: the '?' help")
	WebHelpDevice     = t("web-help-device", "Configuration, Device View: a drawing of the switch with its modules and LEDs. The Actv LED is solid green on the active module, flashes fast orange on a failed standby, flashes green on a standby starting to take over; the Stby LED is solid green on the module in standby mode; the Dwn LED flashes green while an MM Shutdown waits for file synchronization and is green when the module may be removed.", "no source: the '?' help")
)
