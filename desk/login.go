package desk

import (
	"context"
	"errors"
	"net/http"
	"net/url"
	"time"

	"dossier/ledger"
)

// SetupTTL is how long the first-account link stays valid.
const SetupTTL = 30 * time.Minute

type loginModel struct {
	page
	Next, Name, Error string
	NoAccounts        bool
}

func (d *Desk) loginPage(w http.ResponseWriter, r *http.Request) {
	if _, ok := d.lookup(r); ok {
		http.Redirect(w, r, localNext(r.URL.Query().Get("next")), http.StatusSeeOther)
		return
	}
	d.renderLogin(w, r, http.StatusOK, "", "")
}

func (d *Desk) renderLogin(w http.ResponseWriter, r *http.Request, code int, name, msg string) {
	has, err := d.led.HasUsers(r.Context())
	if err != nil {
		d.log.Error().Err(err).Msg("count accounts")
	}
	m := loginModel{page: d.anonPage(w, r, "登录"), Next: localNext(r.FormValue("next")), Name: name, Error: msg,
		NoAccounts: err == nil && !has}
	d.render(w, code, "login", m)
}

func (d *Desk) login(w http.ResponseWriter, r *http.Request) {
	if !d.csrfOK(r, cookieValue(r, preCookie)) {
		d.forbidden(w, r, "登录表单已失效，请刷新登录页后重试。")
		return
	}
	name, pw, ip := r.PostFormValue("name"), r.PostFormValue("password"), clientIP(r)
	if err := wait(r.Context(), d.throttle.begin(name, ip, d.now())); err != nil {
		return
	}
	u, err := d.led.Authenticate(r.Context(), name, pw)
	if err != nil {
		ev := d.log.Warn()
		if !errors.Is(err, ledger.ErrBadLogin) {
			ev = d.log.Error()
		}
		ev.Err(err).Str("user", name).Str("ip", ip).Msg("failed login")
		d.renderLogin(w, r, http.StatusUnauthorized, name, "账号或密码不正确。")
		return
	}
	d.throttle.succeeded(name, ip)
	if err := d.startSession(w, r, u); err != nil {
		d.fail(w, r, err)
		return
	}
	d.log.Info().Str("user", u.Name).Str("ip", ip).Msg("login")
	http.Redirect(w, r, localNext(r.PostFormValue("next")), http.StatusSeeOther)
}

func (d *Desk) startSession(w http.ResponseWriter, r *http.Request, u ledger.User) error {
	token, _, err := d.led.NewSession(r.Context(), u, d.now())
	if err != nil {
		return err
	}
	http.SetCookie(w, d.cookie(sessionCookie, token))
	d.clearCookie(w, preCookie)
	return nil
}

func (d *Desk) logout(w http.ResponseWriter, r *http.Request) {
	if c, err := r.Cookie(sessionCookie); err == nil {
		if err := d.led.EndSession(r.Context(), c.Value); err != nil {
			d.log.Error().Err(err).Msg("logout")
		}
	}
	d.clearCookie(w, sessionCookie)
	d.log.Info().Str("user", sessionOf(r).User.Name).Msg("logout")
	http.Redirect(w, r, "/login", http.StatusSeeOther)
}

func cookieValue(r *http.Request, name string) string {
	c, err := r.Cookie(name)
	if err != nil {
		return ""
	}
	return c.Value
}

// SetupLink returns, while no account exists, a one-time path
// (/setup?token=…, valid SetupTTL) that opens the page creating the first
// clerk account; "" once an account exists.
func (d *Desk) SetupLink(ctx context.Context) (string, error) {
	has, err := d.led.HasUsers(ctx)
	if err != nil || has {
		return "", err
	}
	tok, err := d.led.NewSetupToken(ctx, d.now(), SetupTTL)
	if err != nil {
		return "", err
	}
	return "/setup?token=" + url.QueryEscape(tok), nil
}

type setupModel struct {
	page
	Token, Name, Error string
	Valid              bool
}

func (d *Desk) setupPage(w http.ResponseWriter, r *http.Request) {
	tok := r.URL.Query().Get("token")
	valid := d.led.SetupTokenValid(r.Context(), tok, d.now())
	code := http.StatusOK
	if !valid {
		code = http.StatusNotFound
	}
	d.render(w, code, "setup", setupModel{page: d.anonPage(w, r, "创建首个审核员账号"), Token: tok, Valid: valid})
}

func (d *Desk) setup(w http.ResponseWriter, r *http.Request) {
	if !d.csrfOK(r, cookieValue(r, preCookie)) {
		d.forbidden(w, r, "表单已失效，请重新打开启动日志中的链接。")
		return
	}
	tok, name, pw := r.PostFormValue("token"), r.PostFormValue("name"), r.PostFormValue("password")
	again := func(msg string) {
		d.render(w, http.StatusBadRequest, "setup", setupModel{page: d.anonPage(w, r, "创建首个审核员账号"),
			Token: tok, Name: name, Error: msg, Valid: true})
	}
	if pw != r.PostFormValue("password2") {
		again("两次输入的密码不一致。")
		return
	}
	u, err := d.led.FirstClerk(r.Context(), tok, name, pw, d.now())
	switch {
	case errors.Is(err, ledger.ErrBadName):
		again("账号名只能由汉字、字母、数字及 . _ - 组成，不超过 64 个字符。")
		return
	case errors.Is(err, ledger.ErrWeakPassword):
		again("密码至少 8 个字符。")
		return
	case errors.Is(err, ledger.ErrSetupToken), errors.Is(err, ledger.ErrHasUsers):
		d.log.Warn().Err(err).Str("ip", clientIP(r)).Msg("setup link refused")
		d.render(w, http.StatusNotFound, "setup", setupModel{page: d.anonPage(w, r, "创建首个审核员账号")})
		return
	case err != nil:
		d.fail(w, r, err)
		return
	}
	d.log.Info().Str("user", u.Name).Str("ip", clientIP(r)).Msg("first clerk account created with the setup link")
	if err := d.startSession(w, r, u); err != nil {
		d.fail(w, r, err)
		return
	}
	http.Redirect(w, r, "/", http.StatusSeeOther)
}
