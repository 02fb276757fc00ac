package app

import (
	"crypto/rand"
	"crypto/subtle"
	"encoding/base64"
	"fmt"
	"strings"

	"golang.org/x/crypto/argon2"
)

// PasswordCost is argon2id's work factor.
type PasswordCost struct {
	Time    uint32
	MemoryK uint32
	Threads uint8
}

// ProductionPasswordCost follows RFC 9106's second recommended setting
// (64 MiB, 3 passes), sized for a 2-core server: about a tenth of a second.
var ProductionPasswordCost = PasswordCost{Time: 3, MemoryK: 64 * 1024, Threads: 2}

// TestPasswordCost is cheap, for tests only.
var TestPasswordCost = PasswordCost{Time: 1, MemoryK: 1024, Threads: 1}

// hashPassword returns the PHC-format argon2id hash of a password.
func hashPassword(password string, c PasswordCost) (string, error) {
	salt := make([]byte, 16)
	if _, err := rand.Read(salt); err != nil {
		return "", err
	}
	key := argon2.IDKey([]byte(password), salt, c.Time, c.MemoryK, c.Threads, 32)
	return fmt.Sprintf("$argon2id$v=%d$m=%d,t=%d,p=%d$%s$%s", argon2.Version, c.MemoryK, c.Time, c.Threads,
		base64.RawStdEncoding.EncodeToString(salt), base64.RawStdEncoding.EncodeToString(key)), nil
}

// HashPassword returns the argon2id hash of a password at the given cost,
// for accounts made outside the service layer (the synthetic authority's
// demo accounts, test fixtures).
func HashPassword(password string, c PasswordCost) (string, error) { return hashPassword(password, c) }

// checkPassword reports whether password matches a hash made by hashPassword,
// in constant time. An empty or malformed hash matches nothing.
func checkPassword(password, hash string) bool {
	parts := strings.Split(hash, "$")
	if len(parts) != 6 || parts[1] != "argon2id" {
		return false
	}
	var c PasswordCost
	if _, err := fmt.Sscanf(parts[3], "m=%d,t=%d,p=%d", &c.MemoryK, &c.Time, &c.Threads); err != nil {
		return false
	}
	if c.MemoryK > 1<<21 || c.Time > 16 || c.Threads == 0 {
		return false
	}
	salt, err := base64.RawStdEncoding.DecodeString(parts[4])
	if err != nil {
		return false
	}
	want, err := base64.RawStdEncoding.DecodeString(parts[5])
	if err != nil || len(want) == 0 {
		return false
	}
	got := argon2.IDKey([]byte(password), salt, c.Time, c.MemoryK, c.Threads, uint32(len(want)))
	return subtle.ConstantTimeCompare(got, want) == 1
}

// checkPasswordStrength refuses passwords too weak for a record of children.
func checkPasswordStrength(pw string) string {
	switch {
	case len(pw) < 12:
		return "Enter a password of at least 12 characters"
	case len(pw) > 256:
		return "Enter a password of at most 256 characters"
	case strings.EqualFold(pw, "passwordpassword") || strings.Count(pw, pw[:1]) == len(pw):
		return "Choose a password that is harder to guess"
	}
	return ""
}
