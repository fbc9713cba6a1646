package ingest

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/qualcheck/qualcheck/verify"
)

// ApplicationFile is the name of the application's JSON in its folder.
const ApplicationFile = "application.json"

// Folder is an application folder on disk (CONTRACT §1).
type Folder struct {
	Dir string
}

// Open reads a document file named in application.json. Names must stay
// inside the folder: "../x" and absolute paths are refused.
func (f Folder) Open(name string) ([]byte, error) {
	if !filepath.IsLocal(name) {
		return nil, fmt.Errorf("open %q: name leaves the application folder", name)
	}
	return os.ReadFile(filepath.Join(f.Dir, name))
}

// ErrNoApplication means the folder has no usable application.json.
var ErrNoApplication = errors.New("no valid application.json")

// ReadFolder reads an application folder. Without a documents list,
// every other file in the folder is read as a packet page: its role
// comes from what it shows.
func ReadFolder(dir string) (verify.Application, Folder, error) {
	f := Folder{Dir: dir}
	data, err := os.ReadFile(filepath.Join(dir, ApplicationFile))
	if err != nil {
		return verify.Application{}, f, fmt.Errorf("%w: %w", ErrNoApplication, err)
	}
	app, err := verify.ParseApplication(data)
	if err != nil {
		return app, f, fmt.Errorf("%w: %w", ErrNoApplication, err)
	}
	if len(app.Documents) == 0 {
		app.Documents, err = looseFiles(dir)
	}
	return app, f, err
}

// looseFiles lists a folder's document files as packet pages.
func looseFiles(dir string) ([]verify.DocumentRef, error) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return nil, fmt.Errorf("list %s: %w", dir, err)
	}
	var refs []verify.DocumentRef
	for _, e := range entries {
		n := e.Name()
		if e.IsDir() || strings.HasPrefix(n, ".") || strings.EqualFold(filepath.Ext(n), ".json") {
			continue
		}
		refs = append(refs, verify.DocumentRef{Role: verify.RolePacket, File: n})
	}
	sort.Slice(refs, func(i, j int) bool { return refs[i].File < refs[j].File })
	return refs, nil
}
