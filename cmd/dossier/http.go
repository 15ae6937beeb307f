package main

import (
	"context"
	"crypto/tls"
	"errors"
	"fmt"
	"net"
	"net/http"
	"path/filepath"
	"time"

	"github.com/rs/zerolog"

	"dossier/config"
	"dossier/desk"
	"dossier/extract"
)

// serveStatus starts the clerk's desk (pages, /status.json, /healthz) on
// http.listen; the returned function stops it. A listen address beyond
// loopback without TLS, or one in use, is an operator error that names
// the key. With no account yet it logs the one-time link that creates
// the first clerk.
func serveStatus(cfg config.Config, a *app, clock func() time.Time) (func(), error) {
	h := cfg.HTTP
	if h.Listen == "" || h.Listen == "off" {
		return func() {}, nil
	}
	useTLS := h.TLSCert != "" || h.TLSKey != ""
	if err := desk.CheckListen(h.Listen, useTLS, h.AllowPlainLAN); err != nil {
		return nil, err
	}
	log := a.log.With().Str("component", "http").Logger()
	var tlsCfg *tls.Config
	if useTLS {
		cert, err := tls.LoadX509KeyPair(h.TLSCert, h.TLSKey)
		if err != nil {
			return nil, fmt.Errorf("load the desk's certificate (http.tls_cert, http.tls_key): %w", err)
		}
		tlsCfg = &tls.Config{Certificates: []tls.Certificate{cert}, MinVersion: tls.VersionTLS12}
	} else if !desk.Loopback(h.Listen) {
		log.Warn().Str("listen", h.Listen).Msg("http.allow_plain_lan: the desk serves passwords unencrypted on the network")
	}
	d, err := desk.New(desk.Config{
		Service: a.d.Service(), Ledger: a.d.Ledger(), CacheDir: filepath.Join(cfg.Data, "cache", "pages"),
		Render: a.ext.RenderPage, SessionIdle: h.SessionIdle.D(), TLS: useTLS, Clock: clock, Log: log,
		Health: extract.Health,
	})
	if err != nil {
		return nil, err
	}
	if idle := h.SessionIdle.D(); idle > 0 {
		if err := a.d.Ledger().PruneSessions(context.Background(), clock(), idle); err != nil {
			log.Error().Err(err).Msg("prune idle desk sessions")
		}
	}
	l, err := net.Listen("tcp", h.Listen)
	if err != nil {
		return nil, fmt.Errorf("desk on %s: %w (set http.listen to a free host:port, or off)", h.Listen, err)
	}
	srv := &http.Server{
		Handler:           d,
		TLSConfig:         tlsCfg,
		ReadHeaderTimeout: 10 * time.Second,
		ReadTimeout:       30 * time.Second,
		WriteTimeout:      2 * time.Minute, // a page image of a large scan renders within it
		IdleTimeout:       2 * time.Minute,
		MaxHeaderBytes:    64 << 10,
	}
	go func() {
		var err error
		if tlsCfg != nil {
			err = srv.ServeTLS(l, "", "")
		} else {
			err = srv.Serve(l)
		}
		if err != nil && !errors.Is(err, http.ErrServerClosed) {
			log.Error().Err(err).Msg("desk stopped")
		}
	}()
	base := "http://" + l.Addr().String()
	if tlsCfg != nil {
		base = "https://" + l.Addr().String()
	}
	log.Info().Str("url", base+"/").Msg("clerk's desk")
	announceSetup(d, base, log)
	return func() {
		ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		defer cancel()
		srv.Shutdown(ctx)
	}, nil
}

// announceSetup logs, while no account exists, the one-time link that
// opens the page creating the first clerk account.
func announceSetup(d *desk.Desk, base string, log zerolog.Logger) {
	link, err := d.SetupLink(context.Background())
	if err != nil {
		log.Error().Err(err).Msg("make the first-account link")
		return
	}
	if link == "" {
		return
	}
	log.Warn().Str("url", base+link).Dur("valid", desk.SetupTTL).
		Msg("no desk account yet: open this link once to create the first clerk account (or run dossier user add NAME)")
}
