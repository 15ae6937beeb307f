package config

import (
	"bytes"
	_ "embed"
	"errors"
	"fmt"
	"os"
	"regexp"
	"strings"

	"gopkg.in/yaml.v3"

	"dossier"
)

//go:embed registry-2026.yaml
var defaultRegistry []byte

// Config is the whole configuration. Paths are as given (relative to the
// working directory); flags override Inbox and Data.
type Config struct {
	Inbox        string              `yaml:"inbox"`
	Data         string              `yaml:"data"`
	RegistryFile string              `yaml:"registry_file"` // "" = the embedded 2026 registry
	Contacts     map[string][]string `yaml:"contacts"`      // team id → e-mail addresses
	Programme    dossier.Programme   `yaml:"programme"`
	Watch        Watch               `yaml:"watch"`
	Limits       Limits              `yaml:"limits"`
	Workers      int                 `yaml:"workers"`
	Notify       Notify              `yaml:"notify"`
	Render       Render              `yaml:"render"`
	Log          Log                 `yaml:"log"`
	HTTP         HTTP                `yaml:"http"`
	OCR          OCR                 `yaml:"ocr"`
	Convert      Convert             `yaml:"convert"`

	// Registry is the loaded registry (embedded or RegistryFile), contacts merged.
	Registry dossier.Registry `yaml:"-"`
}

// Watch configures how the inbox is watched.
type Watch struct {
	Mode           string   `yaml:"mode"` // auto | events | poll
	PollInterval   Duration `yaml:"poll_interval"`
	Settle         Duration `yaml:"settle"`
	RescanInterval Duration `yaml:"rescan_interval"`
}

// Limits bound what a parser of untrusted bytes may take.
type Limits struct {
	MaxFileSize  ByteSize `yaml:"max_file_size"`  // F005
	MaxUnzipSize ByteSize `yaml:"max_unzip_size"` // F005 for spreadsheet zip bombs
	MaxPages     int      `yaml:"max_pages"`
	Timeout      Duration `yaml:"timeout"` // per file
	// PDFInterruptible compiles PDFium so that a call past the timeout is
	// stopped at once, at about 3× the extraction time. Off, a timed-out
	// PDF returns at the timeout but its page finishes in the background.
	PDFInterruptible bool `yaml:"pdf_interruptible"`
	// MaxPixels bounds an image's width×height, read from its header
	// before it is decoded (F005 above it).
	MaxPixels int64 `yaml:"max_pixels"`
	// MaxCells bounds a worksheet's declared cells (rows × columns) (F005).
	MaxCells int64 `yaml:"max_cells"`
	// MaxPageObjects bounds the objects and text operators of one PDF page (F005).
	MaxPageObjects int `yaml:"max_page_objects"`
	// WorkerMemory is the address-space limit of the child process that
	// parses untrusted documents.
	WorkerMemory ByteSize `yaml:"worker_memory"`
	// Isolate parses untrusted documents in child processes (dossier
	// re-running itself as a worker, under WorkerMemory and the timeout)
	// for serve and run --once, so one hostile file cannot starve or kill
	// the daemon. Off: in the daemon's own process (check always is).
	Isolate bool `yaml:"isolate"`
}

// Notify configures notices and their delivery.
type Notify struct {
	BureauEmail string              `yaml:"bureau_email"` // in copy of every e-mail
	RetryMin    Duration            `yaml:"retry_min"`
	RetryMax    Duration            `yaml:"retry_max"`
	SMTP        SMTP                `yaml:"smtp"`
	Templates   map[string]Template `yaml:"templates"` // by notice type: rejection, acceptance, review, supersede, reminder
	Contact     Contact             `yaml:"contact"`   // the footer of every notice
	// PhotoWindow answers the photos of one team that arrive within this
	// window in one notice.
	PhotoWindow Duration `yaml:"photo_window"`
}

// SMTP is the mail server; e-mail is off while Host is empty.
// Contact is whom a unit calls at the bureau; every notice ends with it.
type Contact struct {
	Office string `yaml:"office"` // e.g. 专业技术人员管理处
	Person string `yaml:"person"`
	Phone  string `yaml:"phone"`
	Email  string `yaml:"email"`
}

type SMTP struct {
	Host        string   `yaml:"host"`
	Port        int      `yaml:"port"`
	Username    string   `yaml:"username"`
	Password    string   `yaml:"password"`
	PasswordEnv string   `yaml:"password_env"` // read the password from this environment variable instead
	From        string   `yaml:"from"`
	TLS         string   `yaml:"tls"` // starttls | tls | none
	Timeout     Duration `yaml:"timeout"`
}

// Template overrides a notice's subject and body (Go text/template).
type Template struct {
	Subject string `yaml:"subject"`
	Body    string `yaml:"body"`
}

// Render configures the nightly package.
type Render struct {
	Schedule string `yaml:"schedule"` // HH:MM in the programme's time zone; "off" disables
	CopyTo   string `yaml:"copy_to"`  // also copy each package folder here (e.g. the shared area)
}

// HTTP configures the status page and the clerk's desk of `dossier serve`.
type HTTP struct {
	Listen string `yaml:"listen"` // host:port; "" or "off" disables the page
	// TLSCert and TLSKey serve the desk over HTTPS. Listening anywhere but
	// loopback needs them unless AllowPlainLAN is set.
	TLSCert       string   `yaml:"tls_cert"`
	TLSKey        string   `yaml:"tls_key"`
	AllowPlainLAN bool     `yaml:"allow_plain_lan"`
	SessionIdle   Duration `yaml:"session_idle"` // a desk session ends after this long unused
}

// OCR configures reading scans with the tesseract command. OCR is off
// when tesseract is not found.
type OCR struct {
	Tesseract     string   `yaml:"tesseract"`      // "" = find "tesseract" on PATH; "off" disables OCR
	Languages     string   `yaml:"languages"`      // tesseract -l
	MinConfidence float64  `yaml:"min_confidence"` // 0..1: a field read below it waits for a clerk
	MaxPages      int      `yaml:"max_pages"`      // pages OCR'd per document
	PageTimeout   Duration `yaml:"page_timeout"`   // per page; tesseract is killed past it
	Workers       int      `yaml:"workers"`        // tesseract processes at once
	DPI           int      `yaml:"dpi"`            // PDF pages are rendered at this resolution
}

// Convert configures LibreOffice, which turns Word files into PDF pages for
// the package and reads legacy .doc/.wps/.et. Off when soffice is not found.
type Convert struct {
	Soffice string   `yaml:"soffice"` // "" = find soffice or libreoffice on PATH; "off" disables
	Timeout Duration `yaml:"timeout"` // per document
}

// Log configures logging.
type Log struct {
	Format string `yaml:"format"` // json | console
	Level  string `yaml:"level"`  // debug | info | warn | error
}

// Default is the configuration with no file: the 2026 notice's values.
func Default() Config {
	return Config{
		Inbox:     "./inbox",
		Data:      "./data",
		Programme: dossier.DefaultProgramme(),
		Watch:     Watch{Mode: "auto", PollInterval: Duration(10e9), Settle: Duration(5e9), RescanInterval: Duration(300e9)},
		Limits: Limits{MaxFileSize: 50 << 20, MaxUnzipSize: 200 << 20, MaxPages: 500, Timeout: Duration(60e9),
			MaxPixels: 50_000_000, MaxCells: 2_000_000, MaxPageObjects: 200_000, WorkerMemory: 4 << 30, Isolate: true},
		Workers: 2,
		Notify: Notify{RetryMin: Duration(30e9), RetryMax: Duration(1800e9), SMTP: SMTP{Port: 587, TLS: "starttls", Timeout: Duration(30e9)},
			PhotoWindow: Duration(10 * 60e9),
			Contact:     Contact{Office: "上海市人力资源和社会保障局专业技术人员管理处"}},
		Render:  Render{Schedule: "02:00"},
		Log:     Log{Format: "json", Level: "info"},
		HTTP:    HTTP{Listen: "127.0.0.1:8470", SessionIdle: Duration(8 * 3600e9)},
		OCR:     OCR{Languages: "chi_sim", MinConfidence: 0.80, MaxPages: 20, PageTimeout: Duration(60e9), Workers: 1, DPI: 300},
		Convert: Convert{Timeout: Duration(120e9)},
	}
}

// Load reads the file at path over the defaults ("" = defaults only),
// loads the registry and validates everything.
func Load(path string) (Config, error) {
	c := Default()
	if path != "" {
		raw, err := os.ReadFile(path)
		if err != nil {
			return c, fmt.Errorf("read config: %w", err)
		}
		dec := yaml.NewDecoder(bytes.NewReader(raw))
		dec.KnownFields(true)
		if err := dec.Decode(&c); err != nil && !errors.Is(err, errEOF(err)) {
			return c, fmt.Errorf("config %s: %s", path, nameKeys(explainYAML(err), keyLines(raw)))
		}
	}
	if env := c.Notify.SMTP.PasswordEnv; env != "" && c.Notify.SMTP.Password == "" {
		c.Notify.SMTP.Password = os.Getenv(env)
	}
	if err := c.loadRegistry(); err != nil {
		return c, err
	}
	return c, c.Validate()
}

func errEOF(err error) error {
	if err != nil && err.Error() == "EOF" {
		return err
	}
	return errors.New("not eof")
}

var unknownField = regexp.MustCompile(`field (\S+) not found in type config\.(\w+)`)

// explainYAML turns yaml.v3's "field x not found in type config.Watch" into
// advice naming the key.
func explainYAML(err error) string {
	msg := err.Error()
	if m := unknownField.FindAllStringSubmatch(msg, -1); m != nil {
		var parts []string
		for _, x := range m {
			parts = append(parts, fmt.Sprintf("unknown key %q in section %s: check the spelling (dossier config prints every key)", x[1], strings.ToLower(x[2])))
		}
		return strings.Join(parts, "; ")
	}
	return msg
}

func (c *Config) loadRegistry() error {
	raw := defaultRegistry
	if c.RegistryFile != "" {
		b, err := os.ReadFile(c.RegistryFile)
		if err != nil {
			return fmt.Errorf("registry_file: %w (point registry_file to a YAML file with a teams: list, or remove it to use the 2026 registry)", err)
		}
		raw = b
	}
	var reg dossier.Registry
	if err := yaml.Unmarshal(raw, &reg); err != nil {
		return fmt.Errorf("registry_file %s: %w", c.RegistryFile, err)
	}
	for i, t := range reg.Teams {
		if extra, ok := c.Contacts[t.ID]; ok {
			reg.Teams[i].Contacts = append(reg.Teams[i].Contacts, extra...)
		}
	}
	c.Registry = reg
	return nil
}

// Marshal prints the effective configuration as YAML, secrets masked.
func (c Config) Marshal() ([]byte, error) {
	if c.Notify.SMTP.Password != "" {
		c.Notify.SMTP.Password = "********"
	}
	var buf bytes.Buffer
	enc := yaml.NewEncoder(&buf)
	enc.SetIndent(2)
	if err := enc.Encode(c); err != nil {
		return nil, fmt.Errorf("print config: %w", err)
	}
	return buf.Bytes(), nil
}
