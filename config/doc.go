// Package config loads dossier's one YAML configuration file. Every key has
// a default (the 2026 notice's values and the embedded registry), so no file
// is needed; a bad value gets an error that names the key and the fix.
// The loaded Config is passed down in parts; nothing reads it globally.
package config
