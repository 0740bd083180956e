package server

import (
	"crypto/ed25519"
	"crypto/hmac"
	"crypto/rand"
	"crypto/sha256"
	"encoding/hex"
	"encoding/pem"
	"errors"
	"os"
	"path/filepath"
	"strings"

	gossh "golang.org/x/crypto/ssh"
)

// A fleet's chassis get their first SSH host key from a secret kept in
// the state directory and the chassis name, so a chassis that never wrote
// a state file (nobody touched it) still shows the same key after a
// restart, and known_hosts keeps working. A key the state file holds
// (every chassis that saved once, and every state written before fleets
// had a secret) is kept as it is; a key made by "crypto key generate" is
// random and saved.

// FleetSecretFile is the secret's file in a state directory.
const FleetSecretFile = "fleet-secret"

// FleetSecret reads the state directory's secret, making it on first use.
func FleetSecret(dir string) ([]byte, error) {
	path := filepath.Join(dir, FleetSecretFile)
	if b, err := os.ReadFile(path); err == nil {
		s, err := hex.DecodeString(strings.TrimSpace(string(b)))
		if err != nil || len(s) < 16 {
			return nil, errors.New(path + ": not a fleet secret (move it away to make a new one; every chassis without a state file then gets a new host key)")
		}
		return s, nil
	} else if !errors.Is(err, os.ErrNotExist) {
		return nil, err
	}
	var raw [32]byte
	if _, err := rand.Read(raw[:]); err != nil {
		return nil, err
	}
	if err := WriteAtomic(path, []byte(hex.EncodeToString(raw[:])+"\n"), nil); err != nil {
		return nil, err
	}
	return raw[:], nil
}

// derivedKey is the ed25519 key of a name under a secret.
func derivedKey(secret []byte, name string) ed25519.PrivateKey {
	mac := hmac.New(sha256.New, secret)
	mac.Write([]byte("switchsim host key\x00"))
	mac.Write([]byte(name))
	return ed25519.NewKeyFromSeed(mac.Sum(nil))
}

// derivedHostKey installs the chassis's derived key (called locked).
func (h *Host) derivedHostKey() error {
	return h.installKey(derivedKey(h.keySecret, h.Name))
}

// installKey makes priv the chassis's host key (called locked).
func (h *Host) installKey(priv ed25519.PrivateKey) error {
	block, err := gossh.MarshalPrivateKey(priv, "switchsim "+h.Name)
	if err != nil {
		return err
	}
	signer, err := gossh.NewSignerFromKey(priv)
	if err != nil {
		return err
	}
	h.hostKey = pem.EncodeToMemory(block)
	h.signer = signer
	return nil
}
