// Package kubernetes holds switchsim's Kubernetes manifests (kustomize)
// and their tests: rendered offline with kustomize's API, decoded
// strictly into the Kubernetes API types (a typo in a field fails), and
// checked against each other, the image and the fleet.
package kubernetes

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"strconv"
	"strings"
	"testing"

	appsv1 "k8s.io/api/apps/v1"
	corev1 "k8s.io/api/core/v1"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
	"k8s.io/apimachinery/pkg/labels"
	sigsjson "sigs.k8s.io/json"
	"sigs.k8s.io/kustomize/api/krusty"
	"sigs.k8s.io/kustomize/kyaml/filesys"
	"sigs.k8s.io/yaml"

	"github.com/switchsim/switchsim/deploy/image"
	"github.com/switchsim/switchsim/server"
	"github.com/switchsim/switchsim/vendors"
)

// render runs kustomize on dir, offline.
func render(t *testing.T, dir string) []byte {
	t.Helper()
	k := krusty.MakeKustomizer(krusty.MakeDefaultOptions())
	rm, err := k.Run(filesys.MakeFsOnDisk(), dir)
	if err != nil {
		t.Fatalf("kustomize build %s: %v", dir, err)
	}
	out, err := rm.AsYaml()
	if err != nil {
		t.Fatal(err)
	}
	return out
}

type objects struct {
	sts       []appsv1.StatefulSet
	services  []corev1.Service
	configMap []corev1.ConfigMap
}

// decode decodes every document strictly into its API type.
func decode(rendered []byte) (*objects, error) {
	o := &objects{}
	for _, doc := range bytes.Split(rendered, []byte("\n---\n")) {
		if len(bytes.TrimSpace(doc)) == 0 {
			continue
		}
		var tm metav1.TypeMeta
		if err := yaml.Unmarshal(doc, &tm); err != nil {
			return nil, err
		}
		js, err := yaml.YAMLToJSONStrict(doc)
		if err != nil {
			return nil, err
		}
		switch tm.APIVersion + " " + tm.Kind {
		case "apps/v1 StatefulSet":
			var s appsv1.StatefulSet
			err = strict(js, &s)
			o.sts = append(o.sts, s)
		case "v1 Service":
			var s corev1.Service
			err = strict(js, &s)
			o.services = append(o.services, s)
		case "v1 ConfigMap":
			var c corev1.ConfigMap
			err = strict(js, &c)
			o.configMap = append(o.configMap, c)
		default:
			return nil, &unknownKind{tm.APIVersion + " " + tm.Kind}
		}
		if err != nil {
			return nil, fmt.Errorf("%s %s: %w", tm.Kind, tm.APIVersion, err)
		}
	}
	return o, nil
}

// strict decodes as the API server does with strict field validation:
// field names exactly (case too), no unknown or duplicate field.
func strict(js []byte, v any) error {
	errs, err := sigsjson.UnmarshalStrict(js, v, sigsjson.DisallowDuplicateFields, sigsjson.DisallowUnknownFields)
	if err != nil {
		return err
	}
	if len(errs) > 0 {
		return errors.Join(errs...)
	}
	return nil
}

type unknownKind struct{ kind string }

func (u *unknownKind) Error() string { return "unexpected object " + u.kind }

func TestManifests(t *testing.T) {
	o, err := decode(render(t, "."))
	if err != nil {
		t.Fatal(err)
	}
	if len(o.sts) != 1 || len(o.services) != 1 || len(o.configMap) != 1 {
		t.Fatalf("%d StatefulSets, %d Services, %d ConfigMaps; want one each", len(o.sts), len(o.services), len(o.configMap))
	}
	sts, svc, cm := o.sts[0], o.services[0], o.configMap[0]
	pod := sts.Spec.Template

	// the selector picks the template's pods, and the Service's too
	sel, err := metav1.LabelSelectorAsSelector(sts.Spec.Selector)
	if err != nil || sel.Empty() || !sel.Matches(labels.Set(pod.Labels)) {
		t.Fatalf("selector %v does not match the template's labels %v (%v)", sts.Spec.Selector, pod.Labels, err)
	}
	if len(svc.Spec.Selector) == 0 || !labels.SelectorFromSet(svc.Spec.Selector).Matches(labels.Set(pod.Labels)) {
		t.Fatalf("the Service's selector %v does not match the pods' labels %v", svc.Spec.Selector, pod.Labels)
	}
	// serviceName is the headless Service
	if sts.Spec.ServiceName != svc.Name || svc.Spec.ClusterIP != corev1.ClusterIPNone {
		t.Fatalf("serviceName %q, Service %q with clusterIP %q: want the headless Service", sts.Spec.ServiceName, svc.Name, svc.Spec.ClusterIP)
	}

	if len(pod.Spec.Containers) != 1 {
		t.Fatalf("%d containers", len(pod.Spec.Containers))
	}
	c := pod.Spec.Containers[0]
	ports := map[string]int32{}
	for _, p := range c.Ports {
		ports[p.Name] = p.ContainerPort
	}
	// the Service's ports and the probes name container ports that exist
	for _, p := range svc.Spec.Ports {
		if p.TargetPort.StrVal == "" || ports[p.TargetPort.StrVal] == 0 {
			t.Fatalf("Service port %s targets %q, not a container port (%v)", p.Name, p.TargetPort.String(), ports)
		}
	}
	for _, pr := range []*corev1.Probe{c.ReadinessProbe, c.LivenessProbe, c.StartupProbe} {
		if pr == nil {
			continue
		}
		if pr.TCPSocket != nil && ports[pr.TCPSocket.Port.StrVal] == 0 {
			t.Fatalf("a probe names port %q", pr.TCPSocket.Port.String())
		}
		if pr.HTTPGet != nil && ports[pr.HTTPGet.Port.StrVal] == 0 {
			t.Fatalf("a probe names port %q", pr.HTTPGet.Port.String())
		}
	}
	// readiness: the image's binary, asked over the state volume
	if c.ReadinessProbe == nil || c.ReadinessProbe.Exec == nil ||
		!reflect.DeepEqual(c.ReadinessProbe.Exec.Command, []string{image.Binary, "ctl", "--state-dir", image.StateDir, "ready"}) {
		t.Fatalf("readiness probe %+v", c.ReadinessProbe)
	}
	// not root, the image's user; the volume the user's group's
	sc := pod.Spec.SecurityContext
	if sc == nil || sc.RunAsNonRoot == nil || !*sc.RunAsNonRoot || sc.RunAsUser == nil || *sc.RunAsUser != image.UID ||
		sc.FSGroup == nil || *sc.FSGroup != image.GID {
		t.Fatalf("pod securityContext %+v", sc)
	}
	// a volume per replica at the state directory; every mount a volume
	vols := map[string]bool{}
	for _, v := range pod.Spec.Volumes {
		vols[v.Name] = true
	}
	claims := map[string]bool{}
	for _, v := range sts.Spec.VolumeClaimTemplates {
		claims[v.Name] = true
	}
	stateMounted := false
	for _, m := range c.VolumeMounts {
		if !vols[m.Name] && !claims[m.Name] {
			t.Fatalf("mount %s names no volume", m.Name)
		}
		stateMounted = stateMounted || m.MountPath == image.StateDir && claims[m.Name]
	}
	if !stateMounted {
		t.Fatalf("%s is not a volume claim template's", image.StateDir)
	}
	// resources requested
	if c.Resources.Requests.Memory().IsZero() || c.Resources.Requests.Cpu().IsZero() {
		t.Fatalf("no resource requests: %+v", c.Resources)
	}
	// the shards: --shard auto/N with N the replicas, the ordinal from
	// the pod-index label
	env := map[string]corev1.EnvVar{}
	for _, e := range c.Env {
		env[e.Name] = e
	}
	n, err := strconv.Atoi(env["SWITCHSIM_SHARDS"].Value)
	if err != nil || sts.Spec.Replicas == nil || int32(n) != *sts.Spec.Replicas {
		t.Fatalf("SWITCHSIM_SHARDS %q and replicas %v differ", env["SWITCHSIM_SHARDS"].Value, sts.Spec.Replicas)
	}
	if e := env[server.ShardEnv]; e.ValueFrom == nil || e.ValueFrom.FieldRef == nil || e.ValueFrom.FieldRef.FieldPath != "metadata.labels['apps.kubernetes.io/pod-index']" {
		t.Fatalf("%s: %+v", server.ShardEnv, e)
	}
	for _, name := range []string{"SWITCHSIM_MANAGER_PASSWORD", "SWITCHSIM_OPERATOR_PASSWORD"} {
		if e := env[name]; e.ValueFrom == nil || e.ValueFrom.SecretKeyRef == nil {
			t.Fatalf("%s is not from a Secret: %+v", name, e)
		}
	}
	args := strings.Join(c.Args, " ")
	if c.Args[0] != "serve" || !strings.Contains(args, "--shard auto/$(SWITCHSIM_SHARDS)") || !strings.Contains(args, "--inventory /etc/switchsim/fleet.yaml") {
		t.Fatalf("args %q", c.Args)
	}
	// the fleet: the inventory the ConfigMap holds, mounted where --inventory
	// reads it; every shard's first block is the container's ports
	var fleetMount string
	for _, m := range c.VolumeMounts {
		if m.Name == "fleet" {
			fleetMount = m.MountPath
		}
	}
	var cmVolume string
	for _, v := range pod.Spec.Volumes {
		if v.Name == "fleet" && v.ConfigMap != nil {
			cmVolume = v.ConfigMap.Name
		}
	}
	if fleetMount != "/etc/switchsim" || cmVolume != cm.Name || cm.Data["fleet.yaml"] == "" {
		t.Fatalf("fleet.yaml: mounted at %q from %q (the ConfigMap is %q with %d keys)", fleetMount, cmVolume, cm.Name, len(cm.Data))
	}
	dir := t.TempDir()
	path := filepath.Join(dir, "fleet.yaml")
	os.WriteFile(path, []byte(cm.Data["fleet.yaml"]), 0o644)
	total := 0
	for i := 0; i < n; i++ {
		inv, err := server.ReadInventory(path, nil, vendors.Registry, server.InventoryOptions{Lazy: true, Shard: &server.Shard{Index: i, Count: n}, Listen: "0.0.0.0"})
		if err != nil {
			t.Fatal(err)
		}
		if inv.Ports.Scheme != "block" || len(inv.Chassis) == 0 {
			t.Fatalf("shard %d: scheme %s, %d chassis", i, inv.Ports.Scheme, len(inv.Chassis))
		}
		total += len(inv.Chassis)
		first := inv.Chassis[0]
		want := map[string]string{"ssh": first.Mgmt, "console1": first.Consoles[0], "console2": first.Consoles[1], "web": first.Web, "netconf": first.NETCONF}
		for name, addr := range want {
			if "0.0.0.0:"+strconv.Itoa(int(ports[name])) != addr {
				t.Fatalf("shard %d: container port %s is %d, the first chassis's is %s", i, name, ports[name], addr)
			}
		}
	}
	if total != 100 {
		t.Fatalf("the shards hold %d chassis", total)
	}
}

// A typo in a field fails the strict decoding.
func TestManifestTypo(t *testing.T) {
	dir := t.TempDir()
	for _, f := range []string{"kustomization.yaml", "fleet.yaml", "service.yaml", "statefulset.yaml"} {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		os.WriteFile(filepath.Join(dir, f), b, 0o644)
	}
	orig, _ := os.ReadFile("statefulset.yaml")
	for _, typo := range [][2]string{{"runAsNonRoot:", "runAsNonroot:"}, {"serviceName:", "servicename:"}, {"readinessProbe:", "readinesProbe:"}, {"containerPort: 20000", "containerport: 20000"}} {
		os.WriteFile(filepath.Join(dir, "statefulset.yaml"), bytes.Replace(orig, []byte(typo[0]), []byte(typo[1]), 1), 0o644)
		field := strings.TrimSuffix(strings.Fields(typo[1])[0], ":")
		if _, err := decode(render(t, dir)); err == nil || !strings.Contains(err.Error(), field) {
			t.Fatalf("the typo %s decoded: %v", field, err)
		}
	}
}
