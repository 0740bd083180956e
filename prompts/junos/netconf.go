package junos

// NETCONF and the XML API: the hello, the namespaces and the words of the
// replies. Sources: the vMX 18.2 NETCONF session and the commit-results
// samples in notes/junos/raw, PyEZ 2.1.7's own reply fixtures
// (notes/junos/pyez-rpc-reply) and the words its code matches.
var (
	HelloZombies = t("hello-zombies", "<!-- No zombies were killed during the creation of this user interface -->",
		"capture: vMX 18.2 NETCONF session (raw/web_netconf_vmx_18.2_session.txt), the first line before <hello>")
	HelloUser = t("hello-user", "<!-- user %s, class %s -->",
		"capture: vMX 18.2 NETCONF session ('<!-- user jcluser, class j-super-user -->')")
	// Capabilities are the hello's, one a line, in the capture's order.
	Capabilities = t("capabilities",
		"urn:ietf:params:netconf:base:1.0\n"+
			"urn:ietf:params:netconf:capability:candidate:1.0\n"+
			"urn:ietf:params:netconf:capability:confirmed-commit:1.0\n"+
			"urn:ietf:params:netconf:capability:validate:1.0\n"+
			"urn:ietf:params:netconf:capability:url:1.0?scheme=http,ftp,file\n"+
			"urn:ietf:params:xml:ns:netconf:base:1.0\n"+
			"urn:ietf:params:xml:ns:netconf:capability:candidate:1.0\n"+
			"urn:ietf:params:xml:ns:netconf:capability:confirmed-commit:1.0\n"+
			"urn:ietf:params:xml:ns:netconf:capability:validate:1.0\n"+
			"urn:ietf:params:xml:ns:netconf:capability:url:1.0?protocol=http,ftp,file\n"+
			"urn:ietf:params:xml:ns:yang:ietf-netconf-monitoring\n"+
			"http://xml.juniper.net/netconf/junos/1.0\n"+
			"http://xml.juniper.net/dmi/system/1.0",
		"capture: vMX 18.2 NETCONF session, the 13 capabilities in their order")
	JunosNS = t("junos-ns", "http://xml.juniper.net/junos/%s/junos",
		"capture: every reply ('http://xml.juniper.net/junos/18.2R1/junos', '15.1F5', '13.3R5'): the release without its build number")
	ConfigNS = t("config-ns", "http://xml.juniper.net/xnm/1.1/xnm",
		"capture: vMX 18.2 get-config reply (<configuration xmlns=...>)")
	ChassisNS = t("chassis-ns", "http://xml.juniper.net/junos/%s/junos-chassis",
		"capture: PyEZ fixtures chassis_serialnumber_get-chassis-inventory.xml, re_info_dual_get-route-engine-information.xml")
	InterfaceNS = t("interface-ns", "http://xml.juniper.net/junos/%s/junos-interface",
		"capture: PyEZ fixture sw_info_dual_get-interface-information.xml")
	XMLLocalTime = t("xml-localtime", "2006-01-02 15:04:05 MST",
		"capture: junos:commit-localtime=\"2019-11-27 04:13:51 UTC\" (Go time layout)")
)

// Errors and results of the XML API.
var (
	XMLSyntaxError = t("xml-syntax-error", "syntax error",
		"capture: PyEZ fixtures and notes (a load of an unknown element: <error-message>syntax error</error-message> with <bad-element>)")
	XMLExpectingCommand = t("xml-expecting-command", "syntax error, expecting <command>",
		"capture: shared/reference NOTES-other-vendors 3.7 (a bad <command>: the message with <bad-element>)")
	XMLMissingMandatory = t("xml-missing-mandatory", "mgd: Missing mandatory statement: '%s'",
		"capture: Juniper go-netconf commit failure, Junos 15.1F4 (raw/netconf_commit_results_samples.xml)")
	XMLCheckoutFailed = t("xml-checkout-failed", "\nconfiguration check-out failed: (missing mandatory statements)\n",
		"capture: the same failure's second rpc-error (its message on lines of its own)")
	XMLCheckoutConstraint = t("xml-checkout-constraint", "\nconfiguration check-out failed: (statements constraint check failed)\n",
		"no source: worded as the missing-statements check-out failure, for the NSR check")
	XMLNSRNeedsSync = t("xml-nsr-needs-sync", "mgd: Synchronize should be configured with NSR",
		"no source: the CLI's NSR check text with mgd's prefix")
	XMLNotMaster = t("xml-not-master", "\nAborted! This command can only be used on the master routing engine.",
		"capture: PyEZ fixture chassis_connect_not_master_get-chassis-inventory.xml (<output> on the backup RE); PyEZ matches 'can only be used on the master routing engine'")
	XMLPrivateWarning = t("xml-private-warning", "uncommitted changes will be discarded on exit",
		"tool: PyEZ 2.1.7 Config(mode='private') expects this warning from <open-configuration><private/>")
	XMLDatabaseModified = t("xml-database-modified", "configuration database modified",
		"capture: the CLI's 'error: configuration database modified' (gnetcli device_test), without 'error: '")
	XMLLocked = t("xml-locked", "\nconfiguration database locked by:\n  %s terminal %s (pid %d) on since %s\n      exclusive %s\n",
		"no source: the CLI's configure exclusive refusal (doc) as an error-message")
	XMLNotLocked = t("xml-not-locked", "configuration database is not locked",
		"no source: unlock without holding the lock")
	XMLCommitOnBackup = t("xml-commit-on-backup", "commit is not allowed on the backup Routing Engine",
		"no source: the CLI's error without 'error: '")
	XMLBadRollback = t("xml-bad-rollback", "invalid rollback number: %s",
		"no source: the CLI's rollback error without 'error: '")
	XMLNoSession = t("xml-no-session", "session does not exist: %s",
		"no source: kill-session of a session that is not there")
	XMLBadFormat = t("xml-bad-format", "invalid format: %s",
		"no source")
	XMLBadAction = t("xml-bad-action", "invalid action: %s",
		"no source")
	XMLBadValue = t("xml-bad-value", "%s",
		"no source: a value the schema refuses, with the CLI's words")
	XMLNotFileFound = t("xml-file-not-found", "could not resolve file: %s",
		"no source")
	XMLL2NotRunning = t("xml-l2-not-running", "the l2-learning subsystem is not running",
		"tool: PyEZ 2.1.7 switch_style fact matches this message (the backup RE's answer)")
)

// HostsJunos is /etc/hosts.junos: the header and the single-chassis
// names of a real 15.1F5 dual-RE MX480 (the 16.1 MX80's file adds
// "128.0.0.63 localre", the one %s), then the end marker.
var HostsJunos = t("hosts-junos", `#$Id: hosts.junos,v 1.7.72.1 2009-04-16 05:22:03 kdickman Exp $
#
# File mapping AF_INET/AF_INET6 hostnames for REs on Single and Multichassis
# systems
#
# This file is looked at before /etc/hosts by gethostbyname(3),
# gethostbyname2(3) and  getaddrinfo(3)
#
# The IP addresses in this file are only used for communication between REs
# over the Internal Routing Instances
#
# WARNING:
#
# The names in this file are effectively reserved for internal use.
#

# New IP address format (RT_IRS_V3)

#
# Single Chassis Hostnames
#

128.0.0.1        master
128.0.0.1        node
128.0.0.1        fwdd
128.0.0.1        member
128.0.0.1        pfem
128.0.0.2        scb
128.0.0.2        sbr
128.0.0.2        ssb
128.0.0.2        feb
128.0.0.2        cfeb0
128.0.0.2        cfeb
128.0.0.2        cpp0
128.0.0.3        cfeb1
128.0.0.3        cpp1
128.0.0.4        re0
128.0.0.5        re1
128.0.0.6        backup
128.0.0.8        sfm0
128.0.0.9        sfm1
128.0.0.10       sfm2
128.0.0.16       fpc0
128.0.0.17       fpc1
128.0.0.18       fpc2
128.0.0.19       fpc3
128.0.0.20       fpc4
128.0.0.21       fpc5
128.0.0.22       fpc6
128.0.0.23       fpc7
128.0.0.24       fpc8
128.0.0.25       fpc9
128.0.0.26       fpc10
128.0.0.27       fpc11
%s
# End of internal names
`, "capture: PyEZ fixtures sw_info_dual_file-show.xml (15.1F5 MX480) and personality_mx_file-show.xml (16.1, its localre line); cut after fpc11 (the file is 53 KB), the end line as the files end")

// PackageNames are the <name> of each line of Packages (show version's
// package list), in its order.
var PackageNames = t("package-names",
	"junos\njbase\njkernel\njcrypto\njpfe-common\njpfe\njdocs\njservices-aacl\njservices-alg\njservices-appid\n"+
		"jservices-bgf\njservices-cpcd\njservices-hcm\njservices-idp\njservices-jflow\njservices-llpdf\njservices-mobile\n"+
		"jservices-mss\njservices-nat\njservices-ptsp\njservices-rpm\njservices-sfw\njservices-voice\njservices-crypto-base\n"+
		"jservices-ssl\njservices-ipsec\njplatform\njruntime\njroute\npy-base-i386",
	"no source: junos, jbase, jkernel, jcrypto, jpfe, jdocs, jroute and the jservices names of PyEZ's fixtures (11.4, 16.1) where their comment matches; the others (jpfe-common, aacl, appid, bgf, hcm, idp, llpdf, mobile, mss, ptsp, voice, ssl, jplatform, jruntime, py-base-i386) follow the same pattern")

// The QFX5100 in the XML API: what PyEZ's facts read on a one-member
// virtual chassis whose Routing Engine runs in a virtual machine. Sources:
// PyEZ's own EX/ELS reply fixtures (py-junos-eznc tests/unit/facts/
// rpc-reply: personality_ex_*, els_get-ethernet-switching-table-
// information.xml), a vQFX 18.1R1.9 session (show interfaces terse, show
// virtual-chassis) and PyEZ facts printouts of an EX2300-48P (15.1X53)
// and a vQFX (17.4), all in notes/junos/raw/public_els_pyez_facts.txt.
var (
	HostsLocalRE = t("hosts-localre", "128.0.0.63       localre",
		"capture: PyEZ fixture personality_mx_file-show.xml (16.1, the line after esc1-ipmi); the vQFX's bme0.0 carries 128.0.0.63/2, and the ELS printouts' current_re ends in 'localre'")
	// QFXInternal is the RE's internal interface, whose unit 0 carries
	// the internal routing instance's addresses.
	QFXInternal = t("qfx-internal-ifd", "bme0",
		"capture: vQFX 18.1R1.9 show interfaces terse (bme0.0: 128.0.0.1/2, 128.0.0.4/2, 128.0.0.16/2, 128.0.0.63/2); PyEZ fixture personality_ex_get-interface-information.xml (bme0.32768)")
	L2alNS = t("l2al-ns", "http://xml.juniper.net/junos/%s/junos-l2al",
		"capture: PyEZ fixture els_get-ethernet-switching-table-information.xml")
	// VCID is the one-member virtual chassis's id.
	VCID = t("vc-id", "5c5b.35d1.0e40",
		"no source: an estimate in the form of the captures' ids (6c89.751e.e97c)")
	VCMode = t("vc-mode", "Enabled",
		"capture: vQFX 18.1R1.9 show virtual-chassis ('Virtual Chassis Mode: Enabled'); PyEZ fixture personality_ex_get-virtual-chassis-information.xml")
	// VCMember is a present member's status, priority, mixed mode and
	// route mode.
	VCMember = t("vc-member", "Prsnt|128|N|VC",
		"capture: vQFX 18.1R1.9 show virtual-chassis ('Prsnt ... 128 Master* N VC'); PyEZ fixture personality_ex_get-virtual-chassis-information.xml (Prsnt, 128, N)")
	// VCRoles are the members' roles: the master, the backup, the others.
	VCRoles = t("vc-roles", "Master*\nBackup\nLinecard",
		"capture: Master* (vQFX, PyEZ fixtures), Backup (PyEZ fixture ifd_style_switch_get-virtual-chassis-information.xml); Linecard: doc (virtual chassis member roles)")
)
