// Package s3test gives tests a real S3-compatible server on loopback. When
// MASTHEAD_TEST_S3 names one (http://ACCESS:SECRET@host:port/bucket), tests
// use it; otherwise it starts gofakes3 in-process on 127.0.0.1 behind a
// middleware that checks every request's AWS Signature Version 4, header or
// presigned, so a wrong key fails as it would on a real service. Test helper
// only: never linked into the binary.
package s3test

import (
	"bytes"
	"context"
	"crypto/hmac"
	"crypto/rand"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io"
	"log"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"sort"
	"strconv"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/johannesboyne/gofakes3"
	"github.com/johannesboyne/gofakes3/backend/s3mem"
	"github.com/minio/minio-go/v7"
	"github.com/minio/minio-go/v7/pkg/credentials"
	"github.com/minio/minio-go/v7/pkg/s3utils"
)

// Server is an S3 endpoint with a bucket ready for the test.
type Server struct {
	Endpoint  string // http://127.0.0.1:PORT
	AccessKey string
	SecretKey string
	Bucket    string
	Prefix    string // unique to this test, so tests sharing a bucket never meet
	Region    string
	// Requests counts the signed requests the in-process server accepted
	// (0 with an external server).
	Requests func() int64
}

// MediaURL is the --media-url for this server's bucket and prefix.
func (s *Server) MediaURL() string {
	return fmt.Sprintf("s3://%s/%s?endpoint=%s&region=%s&path-style=true", s.Bucket, s.Prefix, url.QueryEscape(s.Endpoint), s.Region)
}

// Env is the credentials as masthead reads them.
func (s *Server) Env() []string {
	return []string{"MASTHEAD_S3_ACCESS_KEY=" + s.AccessKey, "MASTHEAD_S3_SECRET_KEY=" + s.SecretKey}
}

// Start returns an S3 server for t: the one MASTHEAD_TEST_S3 names, or a
// fresh in-process one stopped when t ends.
func Start(t testing.TB) *Server {
	t.Helper()
	prefix := "t-" + randomHex(6)
	if raw := os.Getenv("MASTHEAD_TEST_S3"); raw != "" {
		s, err := external(raw)
		if err != nil {
			t.Fatalf("MASTHEAD_TEST_S3: %v", err)
		}
		s.Prefix = prefix
		s.Requests = func() int64 { return 0 }
		if err := ensureBucket(s); err != nil {
			t.Fatalf("MASTHEAD_TEST_S3 bucket %s: %v", s.Bucket, err)
		}
		return s
	}
	s := &Server{AccessKey: "MHTESTACCESS" + strings.ToUpper(randomHex(4)), SecretKey: randomHex(20),
		Bucket: "masthead-test", Prefix: prefix, Region: "us-east-1"}
	backend := s3mem.New()
	if err := backend.CreateBucket(s.Bucket); err != nil {
		t.Fatal(err)
	}
	faker := gofakes3.New(backend, gofakes3.WithoutVersioning(), gofakes3.WithLogger(gofakes3.DiscardLog()))
	v := &verifier{access: s.AccessKey, secret: s.SecretKey, next: faker.Server()}
	srv := httptest.NewUnstartedServer(v)
	// gofakes3 writes some error statuses twice; keep the test log clean.
	srv.Config.ErrorLog = log.New(io.Discard, "", 0)
	srv.Start()
	t.Cleanup(srv.Close)
	s.Endpoint = srv.URL
	s.Requests = v.count
	return s
}

func external(raw string) (*Server, error) {
	u, err := url.Parse(raw)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.User == nil {
		return nil, fmt.Errorf("want http(s)://ACCESS:SECRET@host:port/bucket, got %q", raw)
	}
	secret, _ := u.User.Password()
	s := &Server{Endpoint: u.Scheme + "://" + u.Host, AccessKey: u.User.Username(), SecretKey: secret,
		Bucket: strings.Trim(u.Path, "/"), Region: u.Query().Get("region")}
	if s.Bucket == "" {
		s.Bucket = "masthead-test"
	}
	if s.Region == "" {
		s.Region = "us-east-1"
	}
	return s, nil
}

func ensureBucket(s *Server) error {
	u, _ := url.Parse(s.Endpoint)
	c, err := minio.New(u.Host, &minio.Options{Creds: credentials.NewStaticV4(s.AccessKey, s.SecretKey, ""),
		Secure: u.Scheme == "https", Region: s.Region, BucketLookup: minio.BucketLookupPath})
	if err != nil {
		return err
	}
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
	defer cancel()
	ok, err := c.BucketExists(ctx, s.Bucket)
	if err != nil || ok {
		return err
	}
	return c.MakeBucket(ctx, s.Bucket, minio.MakeBucketOptions{Region: s.Region})
}

func randomHex(n int) string {
	b := make([]byte, n)
	_, _ = rand.Read(b)
	return hex.EncodeToString(b)
}

// verifier refuses any request not signed with AWS Signature Version 4 by
// the one known key pair, in the Authorization header or in a presigned URL.
type verifier struct {
	access, secret string
	next           http.Handler
	n              atomic.Int64
}

func (v *verifier) count() int64 { return v.n.Load() }

func (v *verifier) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if err := v.verify(r); err != nil {
		w.Header().Set("Content-Type", "application/xml")
		w.WriteHeader(http.StatusForbidden)
		fmt.Fprintf(w, `<?xml version="1.0" encoding="UTF-8"?><Error><Code>SignatureDoesNotMatch</Code><Message>%s</Message></Error>`,
			strings.NewReplacer("<", "&lt;", "&", "&amp;").Replace(err.Error()))
		return
	}
	v.n.Add(1)
	v.next.ServeHTTP(w, r)
}

func (v *verifier) verify(r *http.Request) error {
	var credential, signedHeaders, signature, amzDate, payload string
	query := r.URL.Query()
	if auth := r.Header.Get("Authorization"); auth != "" {
		rest, ok := strings.CutPrefix(auth, "AWS4-HMAC-SHA256 ")
		if !ok {
			return fmt.Errorf("only AWS4-HMAC-SHA256 is accepted")
		}
		for _, part := range strings.Split(rest, ",") {
			k, val, _ := strings.Cut(strings.TrimSpace(part), "=")
			switch k {
			case "Credential":
				credential = val
			case "SignedHeaders":
				signedHeaders = val
			case "Signature":
				signature = val
			}
		}
		amzDate = r.Header.Get("X-Amz-Date")
		payload = r.Header.Get("X-Amz-Content-Sha256")
		if payload == "" {
			return fmt.Errorf("missing x-amz-content-sha256")
		}
	} else if query.Get("X-Amz-Algorithm") == "AWS4-HMAC-SHA256" {
		credential, signedHeaders, signature = query.Get("X-Amz-Credential"), query.Get("X-Amz-SignedHeaders"), query.Get("X-Amz-Signature")
		amzDate, payload = query.Get("X-Amz-Date"), "UNSIGNED-PAYLOAD"
		t, err := time.Parse("20060102T150405Z", amzDate)
		exp, _ := strconv.Atoi(query.Get("X-Amz-Expires"))
		if err != nil || time.Now().After(t.Add(time.Duration(exp)*time.Second)) {
			return fmt.Errorf("the presigned URL has expired")
		}
		query.Del("X-Amz-Signature")
	} else {
		return fmt.Errorf("anonymous requests are refused")
	}
	scope := strings.SplitN(credential, "/", 2)
	if len(scope) != 2 || scope[0] != v.access {
		return fmt.Errorf("unknown access key")
	}
	// Canonical request (AWS SigV4): method, path, query, headers, the
	// names of the signed headers and the payload hash.
	var canon strings.Builder
	canon.WriteString(r.Method + "\n" + s3utils.EncodePath(r.URL.Path) + "\n")
	canon.WriteString(strings.ReplaceAll(query.Encode(), "+", "%20") + "\n")
	names := strings.Split(signedHeaders, ";")
	sort.Strings(names)
	for _, h := range names {
		var val string
		switch h {
		case "host":
			val = r.Host
		case "content-length":
			val = strconv.FormatInt(r.ContentLength, 10)
		default:
			vals := r.Header.Values(h)
			for i := range vals {
				vals[i] = strings.Join(strings.Fields(vals[i]), " ")
			}
			val = strings.Join(vals, ",")
		}
		canon.WriteString(h + ":" + val + "\n")
	}
	canon.WriteString("\n" + strings.Join(names, ";") + "\n" + payload)
	sum := sha256.Sum256([]byte(canon.String()))
	toSign := "AWS4-HMAC-SHA256\n" + amzDate + "\n" + scope[1] + "\n" + hex.EncodeToString(sum[:])
	parts := strings.Split(scope[1], "/") // date/region/service/aws4_request
	if len(parts) != 4 {
		return fmt.Errorf("bad credential scope")
	}
	key := []byte("AWS4" + v.secret)
	for _, p := range parts {
		key = hmacSHA256(key, p)
	}
	want := hex.EncodeToString(hmacSHA256(key, toSign))
	if !hmac.Equal([]byte(want), []byte(signature)) {
		return fmt.Errorf("the request signature does not match")
	}
	return checkPayload(r, payload, key, amzDate, scope[1], signature)
}

// checkPayload holds the body to what was signed: its SHA-256, or for
// aws-chunked uploads every chunk's signature, chained from the request's.
// A chunked body is then handed on decoded, since gofakes3 decodes it only
// for whole-object PUTs and not for the parts of a multipart upload.
func checkPayload(r *http.Request, payload string, key []byte, amzDate, scope, prev string) error {
	switch {
	case payload == "UNSIGNED-PAYLOAD":
		return nil
	case payload == "STREAMING-AWS4-HMAC-SHA256-PAYLOAD":
		body, err := io.ReadAll(r.Body)
		if err != nil {
			return err
		}
		emptyHash := sha256.Sum256(nil)
		var out bytes.Buffer
		for {
			line, rest, ok := bytes.Cut(body, []byte("\r\n"))
			if !ok {
				return fmt.Errorf("truncated aws-chunked body")
			}
			sizeHex, sig, ok := strings.Cut(string(line), ";chunk-signature=")
			size, err := strconv.ParseInt(sizeHex, 16, 64)
			if !ok || err != nil || size < 0 || int64(len(rest)) < size+2 {
				return fmt.Errorf("bad aws-chunked chunk header %q", line)
			}
			chunk := rest[:size]
			sum := sha256.Sum256(chunk)
			toSign := "AWS4-HMAC-SHA256-PAYLOAD\n" + amzDate + "\n" + scope + "\n" + prev + "\n" +
				hex.EncodeToString(emptyHash[:]) + "\n" + hex.EncodeToString(sum[:])
			if want := hex.EncodeToString(hmacSHA256(key, toSign)); !hmac.Equal([]byte(want), []byte(sig)) {
				return fmt.Errorf("a chunk signature does not match")
			}
			prev = sig
			out.Write(chunk)
			body = rest[size+2:]
			if size == 0 {
				break
			}
		}
		if dl := r.Header.Get("X-Amz-Decoded-Content-Length"); dl != strconv.Itoa(out.Len()) {
			return fmt.Errorf("decoded length %d, announced %s", out.Len(), dl)
		}
		r.Body = io.NopCloser(&out)
		r.ContentLength = int64(out.Len())
		r.Header.Set("Content-Length", strconv.Itoa(out.Len()))
		r.Header.Set("X-Amz-Content-Sha256", "UNSIGNED-PAYLOAD")
		r.Header.Del("X-Amz-Decoded-Content-Length")
		r.Header.Del("Content-Encoding")
		return nil
	case len(payload) == 64:
		body, err := io.ReadAll(r.Body)
		if err != nil {
			return err
		}
		sum := sha256.Sum256(body)
		if hex.EncodeToString(sum[:]) != payload {
			return fmt.Errorf("the body does not match x-amz-content-sha256")
		}
		r.Body = io.NopCloser(bytes.NewReader(body))
		return nil
	}
	return fmt.Errorf("unsupported x-amz-content-sha256 %q", payload)
}

func hmacSHA256(key []byte, data string) []byte {
	h := hmac.New(sha256.New, key)
	h.Write([]byte(data))
	return h.Sum(nil)
}
