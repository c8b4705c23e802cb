package cli

import (
	"strings"
	"testing"
)

func TestUploadLimitAndImageWorkerFlags(t *testing.T) {
	dir := t.TempDir()
	for _, tc := range []struct {
		env  map[string]string
		args []string
		want string
	}{
		{nil, []string{"serve", "--data", dir, "--max-upload-mb", "0"}, `--max-upload-mb "0" must be a whole number from 1 to 16384`},
		{nil, []string{"serve", "--data", dir, "--max-upload-mb", "lots"}, "--max-upload-mb"},
		{map[string]string{"MASTHEAD_MAX_UPLOAD_MB": "-5"}, []string{"serve", "--data", dir}, "--max-upload-mb"},
		{map[string]string{"MASTHEAD_IMAGE_WORKERS": "many"}, []string{"serve", "--data", dir}, `--image-workers "many"`},
	} {
		t.Run(tc.want, func(t *testing.T) {
			code, _, stderr := run(t, tc.env, tc.args...)
			if code != 2 || !strings.Contains(stderr, tc.want) {
				t.Errorf("%v %v: exit %d, stderr %q (want %q)", tc.env, tc.args, code, stderr, tc.want)
			}
		})
	}
	var o options
	t.Setenv("MASTHEAD_MAX_UPLOAD_MB", "8")
	fs := newFlags("serve", &o, "max-upload-mb", "image-workers")
	if err := parseFlags(fs, nil, nil); err != nil {
		t.Fatal(err)
	}
	if o.maxUploadMB != "8" || o.imageWorkers != "1" {
		t.Errorf("max-upload-mb %q image-workers %q", o.maxUploadMB, o.imageWorkers)
	}
	if n, err := checkWholeNumber("--max-upload-mb", o.maxUploadMB, 1, 1<<14); err != nil || n != 8 {
		t.Errorf("checkWholeNumber: %d %v", n, err)
	}
}
