package desk

import (
	"errors"
	"fmt"
	"net"
	"strings"
)

// ErrPlainLAN refuses to serve passwords in clear beyond this machine.
var ErrPlainLAN = errors.New("desk: listening beyond loopback without TLS")

// Loopback reports whether a host:port listens on this machine only.
func Loopback(addr string) bool {
	host, _, err := net.SplitHostPort(addr)
	if err != nil {
		return false
	}
	if strings.EqualFold(host, "localhost") {
		return true
	}
	ip := net.ParseIP(host)
	return ip != nil && ip.IsLoopback()
}

// CheckListen refuses a listen address beyond loopback unless the desk is
// served over TLS or the operator waived it (http.allow_plain_lan).
func CheckListen(addr string, tls, allowPlainLAN bool) error {
	if Loopback(addr) || tls || allowPlainLAN {
		return nil
	}
	return fmt.Errorf("%w: http.listen %s reaches other machines and would carry passwords in clear: "+
		"set http.tls_cert and http.tls_key to serve HTTPS, or listen on 127.0.0.1:8470, "+
		"or set http.allow_plain_lan: true to accept the risk on a trusted network", ErrPlainLAN, addr)
}
