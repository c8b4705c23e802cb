package web_test

import (
	"context"
	"strings"
	"testing"
)

const browserUA = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/156.0 Safari/537.36"

func TestLanguageNegotiationBanner(t *testing.T) {
	res, body := get(t, "/", "Accept-Language", "fa-IR,fa;q=0.9,en;q=0.5", "User-Agent", browserUA)
	if res.StatusCode != 200 || !strings.Contains(res.Header.Get("Vary"), "Accept-Language") {
		t.Fatalf("status %d, Vary %q", res.StatusCode, res.Header.Get("Vary"))
	}
	if !strings.Contains(body, `<aside class="edition-suggest" lang="fa" dir="rtl"`) || !strings.Contains(body, `<a href="/fa/" hreflang="fa">`) {
		t.Error("no Persian suggestion for a Persian browser")
	}
	if !strings.Contains(body, "این سایت به زبان فارسی هم منتشر می‌شود.") {
		t.Error("the suggestion is not written in Persian")
	}
	for name, h := range map[string][]string{
		"English browser":    {"Accept-Language", "en-GB,en;q=0.9", "User-Agent", browserUA},
		"crawler":            {"Accept-Language", "fa", "User-Agent", "Mozilla/5.0 (compatible; Googlebot/2.1)"},
		"unknown language":   {"Accept-Language", "de-DE", "User-Agent", browserUA},
		"no header":          {"User-Agent", browserUA},
		"q-values prefer en": {"Accept-Language", "fa;q=0.3, en;q=0.8", "User-Agent", browserUA},
	} {
		_, body := get(t, "/", h...)
		if strings.Contains(body, "edition-suggest") {
			t.Errorf("%s: got a suggestion", name)
		}
	}
	if _, body := get(t, "/fa/", "Accept-Language", "en", "User-Agent", browserUA); strings.Contains(body, "edition-suggest") {
		t.Error("an edition home other than the default suggests an edition")
	}
	if _, body := get(t, "/", "Accept-Language", "sq;q=0.9, ar;q=0.8", "User-Agent", browserUA); !strings.Contains(body, `<a href="/sq/" hreflang="sq">`) {
		t.Error("the strongest q-value does not win")
	}
}

func TestLanguageNegotiationRedirect(t *testing.T) {
	ctx := context.Background()
	set := func(v string) {
		t.Helper()
		if err := site.store.SetSetting(ctx, "language_negotiation", v); err != nil {
			t.Fatal(err)
		}
		if err := site.handler.ReloadEditions(ctx); err != nil {
			t.Fatal(err)
		}
	}
	set("redirect")
	defer set("banner")
	res, _ := get(t, "/", "Accept-Language", "ar", "User-Agent", browserUA)
	if res.StatusCode != 302 || res.Header.Get("Location") != "/ar/" || !strings.Contains(res.Header.Get("Cache-Control"), "no-store") {
		t.Fatalf("first visit: %d → %q (%q)", res.StatusCode, res.Header.Get("Location"), res.Header.Get("Cache-Control"))
	}
	res, _ = get(t, "/", "Accept-Language", "ar", "User-Agent", browserUA, "Referer", "https://elsewhere.example/")
	if res.StatusCode != 302 {
		t.Fatalf("visit from another site: %d", res.StatusCode)
	}
	// Choosing English on our own pages never bounces back.
	res, body := get(t, "/", "Accept-Language", "ar", "User-Agent", browserUA, "Referer", "http://example.com/ar/")
	if res.StatusCode != 200 || !strings.Contains(body, "edition-suggest") {
		t.Fatalf("visit from our own Arabic page: %d", res.StatusCode)
	}
	res, _ = get(t, "/ar/", "Accept-Language", "en", "User-Agent", browserUA)
	if res.StatusCode != 200 {
		t.Fatalf("/ar/ redirected: %d", res.StatusCode)
	}
	res, _ = get(t, "/", "Accept-Language", "ar", "User-Agent", "Mozilla/5.0 (compatible; bingbot/2.0)")
	if res.StatusCode != 200 {
		t.Fatalf("a crawler was redirected: %d", res.StatusCode)
	}
	set("off")
	if _, body := get(t, "/", "Accept-Language", "ar", "User-Agent", browserUA); strings.Contains(body, "edition-suggest") {
		t.Error("negotiation off still suggests")
	}
	if err := site.store.SetSetting(ctx, "language_negotiation", "sometimes"); err != nil {
		t.Fatal(err)
	}
	if err := site.handler.ReloadEditions(ctx); err == nil {
		t.Error("an unknown negotiation mode was accepted")
	}
}
