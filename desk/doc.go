// Package desk is the clerk's desk: the Chinese web pages `dossier serve`
// offers the bureau (desk.md) — 登录, 总览 (the status table), 待办 (the
// queue), 材料 (one document: its pages as images beside its fields, its
// findings, history and the decision form), 团队 and 通知 — and the
// machine endpoints /status.json and /healthz.
//
// The desk decides nothing itself: every read and every decision goes
// through package service, the one code path that changes a verdict. The
// desk owns only what the web needs: accounts' sessions (kept in the
// ledger, token hashes only), CSRF tokens, slowing failed logins, the
// first-account setup link, and the cache of rendered page images under
// data/cache/pages (by SHA-256 and page; a request names a document id
// and a page number, never a path).
//
// Security: every route but /login, /setup, /healthz and /static needs a
// session (pages answer 303 to /login, JSON 401); every POST carries the
// CSRF token (403 without); only a clerk may decide (403 for a viewer);
// no page shows a server path or a password, and a viewer sees no
// e-mail address. CheckListen refuses a non-loopback address without TLS
// unless the operator waives it.
//
// Concurrency: a *Desk is an http.Handler safe for concurrent use. Page
// rendering is bounded by the extractor's PDFium pool and by a semaphore
// here.
package desk
