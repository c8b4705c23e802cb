// Package s3blob keeps media files in an S3-compatible bucket: it implements
// media.Blob with minio-go (Amazon S3, Cloudflare R2, Backblaze B2, Wasabi,
// Ceph RGW, SeaweedFS, MinIO and others). It owns parsing the --media-url,
// credentials from the environment, streaming uploads with a content type and
// seekable ranged downloads. It knows nothing of media records or HTTP
// handlers; those stay in media and web.
package s3blob

import (
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"mime"
	"net/http"
	"net/url"
	"os"
	"path"
	"strings"
	"time"

	"github.com/minio/minio-go/v7"
	"github.com/minio/minio-go/v7/pkg/credentials"
)

// Config says where the bucket is and how to sign requests to it.
type Config struct {
	Endpoint  string // host[:port], no scheme
	Secure    bool   // https
	Region    string // empty lets the client ask the server
	Bucket    string
	Prefix    string // key prefix inside the bucket, without slashes at either end ("" for none)
	PathStyle bool   // bucket in the path (http://host/bucket/key) instead of the host name
	// AccessKey and SecretKey sign requests; when both are empty the standard
	// AWS variables, ~/.aws/credentials and an instance role are tried in turn.
	AccessKey, SecretKey string
	// PresignTTL, when positive, makes /uploads/ answer with a redirect to a
	// presigned URL valid this long instead of streaming the object.
	PresignTTL time.Duration
}

// ParseURL reads a media URL of the form
//
//	s3://BUCKET[/PREFIX]?endpoint=https://s3.example.org&region=eu-west-1&path-style=true&presign=15m
//
// endpoint defaults to Amazon S3 (https://s3.amazonaws.com); an endpoint
// without a scheme means https. Credentials come from getenv:
// MASTHEAD_S3_ACCESS_KEY and MASTHEAD_S3_SECRET_KEY, else the AWS chain.
func ParseURL(raw string, getenv func(string) string) (Config, error) {
	var c Config
	u, err := url.Parse(raw)
	if err != nil {
		return c, fmt.Errorf("%q is not a URL", raw)
	}
	if u.Scheme != "s3" {
		return c, fmt.Errorf("%q must start with s3:// (e.g. s3://bucket/prefix?endpoint=https://s3.example.org)", raw)
	}
	if u.User != nil {
		return c, fmt.Errorf("put no credentials in the media URL; set MASTHEAD_S3_ACCESS_KEY and MASTHEAD_S3_SECRET_KEY")
	}
	c.Bucket = u.Host
	if !validBucket(c.Bucket) {
		return c, fmt.Errorf("%q names no valid bucket (3-63 lower-case letters, digits, dots and dashes)", raw)
	}
	c.Prefix = strings.Trim(u.Path, "/")
	if strings.Contains(c.Prefix, "..") || strings.Contains(c.Prefix, "//") {
		return c, fmt.Errorf("%q has a bad key prefix %q", raw, c.Prefix)
	}
	q := u.Query()
	for k := range q {
		switch k {
		case "endpoint", "region", "path-style", "presign":
		default:
			return c, fmt.Errorf("%q: unknown setting %q (known: endpoint, region, path-style, presign)", raw, k)
		}
	}
	c.Endpoint, c.Secure = "s3.amazonaws.com", true
	if ep := q.Get("endpoint"); ep != "" {
		if !strings.Contains(ep, "://") {
			ep = "https://" + ep
		}
		e, err := url.Parse(ep)
		if err != nil || (e.Scheme != "http" && e.Scheme != "https") || e.Host == "" || (e.Path != "" && e.Path != "/") || e.RawQuery != "" {
			return c, fmt.Errorf("%q: endpoint %q must be a host or an http(s) URL without a path, e.g. https://s3.example.org", raw, q.Get("endpoint"))
		}
		c.Endpoint, c.Secure = e.Host, e.Scheme == "https"
	}
	c.Region = q.Get("region")
	switch q.Get("path-style") {
	case "", "false", "0":
	case "true", "1":
		c.PathStyle = true
	default:
		return c, fmt.Errorf("%q: path-style must be true or false", raw)
	}
	if p := q.Get("presign"); p != "" {
		d, err := time.ParseDuration(p)
		if err != nil || d < time.Minute || d > 7*24*time.Hour {
			return c, fmt.Errorf("%q: presign must be a duration between 1m and 168h, e.g. 15m", raw)
		}
		c.PresignTTL = d
	}
	c.AccessKey, c.SecretKey = getenv("MASTHEAD_S3_ACCESS_KEY"), getenv("MASTHEAD_S3_SECRET_KEY")
	if (c.AccessKey == "") != (c.SecretKey == "") {
		return c, errors.New("set both MASTHEAD_S3_ACCESS_KEY and MASTHEAD_S3_SECRET_KEY, or neither (to use the AWS variables or an instance role)")
	}
	return c, nil
}

func validBucket(b string) bool {
	if len(b) < 3 || len(b) > 63 {
		return false
	}
	for _, r := range b {
		if !(r >= 'a' && r <= 'z' || r >= '0' && r <= '9' || r == '-' || r == '.') {
			return false
		}
	}
	return true
}

// Blob is a bucket (and key prefix) holding media files.
type Blob struct {
	cfg    Config
	client *minio.Client
	core   minio.Core
}

// New connects to the bucket described by cfg. It does not talk to the
// server; call Check to find out whether the bucket answers.
func New(cfg Config) (*Blob, error) {
	var creds *credentials.Credentials
	if cfg.AccessKey != "" {
		creds = credentials.NewStaticV4(cfg.AccessKey, cfg.SecretKey, "")
	} else {
		creds = credentials.NewChainCredentials([]credentials.Provider{
			&credentials.EnvAWS{},
			&credentials.FileAWSCredentials{},
			&credentials.IAM{Client: &http.Client{Transport: http.DefaultTransport}},
		})
	}
	lookup := minio.BucketLookupAuto
	if cfg.PathStyle {
		lookup = minio.BucketLookupPath
	}
	client, err := minio.New(cfg.Endpoint, &minio.Options{Creds: creds, Secure: cfg.Secure, Region: cfg.Region, BucketLookup: lookup})
	if err != nil {
		return nil, fmt.Errorf("media bucket %s: %w", cfg.Bucket, err)
	}
	return &Blob{cfg: cfg, client: client, core: minio.Core{Client: client}}, nil
}

// Check asks the server whether the bucket exists and the credentials are
// accepted, so a wrong setting stops the server at start-up.
func (b *Blob) Check(ctx context.Context) error {
	ok, err := b.client.BucketExists(ctx, b.cfg.Bucket)
	if err != nil {
		return fmt.Errorf("media bucket %s at %s does not answer: %w", b.cfg.Bucket, b.cfg.Endpoint, err)
	}
	if !ok {
		return fmt.Errorf("media bucket %s does not exist at %s", b.cfg.Bucket, b.cfg.Endpoint)
	}
	return nil
}

// String names the bucket for logs, without credentials.
func (b *Blob) String() string {
	s := "s3://" + b.cfg.Bucket
	if b.cfg.Prefix != "" {
		s += "/" + b.cfg.Prefix
	}
	return s + " at " + b.cfg.Endpoint
}

func (b *Blob) object(key string) (string, error) {
	clean := path.Clean("/" + key)
	if clean == "/" || strings.Contains(key, "..") {
		return "", fmt.Errorf("bad media key %q", key)
	}
	if b.cfg.Prefix == "" {
		return clean[1:], nil
	}
	return b.cfg.Prefix + clean, nil
}

// partSize bounds the memory an upload of unknown length buffers.
const partSize = 16 << 20

// Put streams r into the object. An S3 PUT is atomic: readers see the old
// object or the new one, never half of one.
func (b *Blob) Put(ctx context.Context, key string, r io.Reader) error {
	name, err := b.object(key)
	if err != nil {
		return err
	}
	size := int64(-1)
	switch v := r.(type) {
	case interface{ Len() int }: // bytes.Reader, bytes.Buffer, strings.Reader
		size = int64(v.Len())
	case *os.File:
		if fi, err := v.Stat(); err == nil && fi.Mode().IsRegular() {
			size = fi.Size()
		}
	}
	opts := minio.PutObjectOptions{
		ContentType: contentType(key),
		// Keys hold a hash of the content, so a CDN or browser reading the
		// bucket directly may keep an object for ever.
		CacheControl: "public, max-age=31536000, immutable",
		PartSize:     partSize,
	}
	if _, err := b.client.PutObject(ctx, b.cfg.Bucket, name, r, size, opts); err != nil {
		return fmt.Errorf("storing %s in %s: %w", key, b, err)
	}
	return nil
}

func contentType(key string) string {
	if t := mime.TypeByExtension(path.Ext(key)); t != "" {
		return t
	}
	return "application/octet-stream"
}

// Open returns the object as a seekable reader. It asks for the object's
// size at once (a missing key is fs.ErrNotExist) and fetches bytes only when
// read, from the current offset: a Range request costs one ranged GET.
func (b *Blob) Open(ctx context.Context, key string) (io.ReadSeekCloser, error) {
	name, err := b.object(key)
	if err != nil {
		return nil, err
	}
	info, err := b.client.StatObject(ctx, b.cfg.Bucket, name, minio.StatObjectOptions{})
	if err != nil {
		return nil, b.notExist(key, err)
	}
	return &object{ctx: ctx, blob: b, name: name, key: key, size: info.Size, etag: info.ETag}, nil
}

func (b *Blob) notExist(key string, err error) error {
	resp := minio.ToErrorResponse(err)
	if resp.StatusCode == http.StatusNotFound || resp.Code == "NoSuchKey" || resp.Code == "NotFound" {
		return fmt.Errorf("%s: %w", key, fs.ErrNotExist)
	}
	return fmt.Errorf("reading %s from %s: %w", key, b, err)
}

// Delete removes an object; a missing one is not an error.
func (b *Blob) Delete(ctx context.Context, key string) error {
	name, err := b.object(key)
	if err != nil {
		return err
	}
	if err := b.client.RemoveObject(ctx, b.cfg.Bucket, name, minio.RemoveObjectOptions{}); err != nil {
		if minio.ToErrorResponse(err).Code == "NoSuchKey" {
			return nil
		}
		return fmt.Errorf("deleting %s from %s: %w", key, b, err)
	}
	return nil
}

// PresignTTL is how long a presigned download URL lives; 0 means uploads
// are streamed through the site instead.
func (b *Blob) PresignTTL() time.Duration { return b.cfg.PresignTTL }

// PresignGet returns a URL that fetches the object directly from the bucket
// until ttl passes, answering with the given content type and disposition.
func (b *Blob) PresignGet(ctx context.Context, key string, ttl time.Duration, contentType, disposition string) (string, error) {
	name, err := b.object(key)
	if err != nil {
		return "", err
	}
	params := url.Values{}
	if contentType != "" {
		params.Set("response-content-type", contentType)
	}
	if disposition != "" {
		params.Set("response-content-disposition", disposition)
	}
	u, err := b.client.PresignedGetObject(ctx, b.cfg.Bucket, name, ttl, params)
	if err != nil {
		return "", fmt.Errorf("presigning %s: %w", key, err)
	}
	return u.String(), nil
}

// object reads one stored object lazily, one ranged GET per position.
type object struct {
	ctx    context.Context
	blob   *Blob
	name   string
	key    string
	size   int64
	etag   string
	offset int64
	body   io.ReadCloser // nil until the first Read after a Seek
}

func (o *object) Read(p []byte) (int, error) {
	if o.offset >= o.size {
		return 0, io.EOF
	}
	if o.body == nil {
		opts := minio.GetObjectOptions{}
		if o.offset > 0 {
			if err := opts.SetRange(o.offset, 0); err != nil {
				return 0, err
			}
		}
		// The object may have been replaced since Open: insist on the
		// version whose size we reported.
		if o.etag != "" {
			_ = opts.SetMatchETag(o.etag)
		}
		body, _, _, err := o.blob.core.GetObject(o.ctx, o.blob.cfg.Bucket, o.name, opts)
		if err != nil {
			return 0, o.blob.notExist(o.key, err)
		}
		o.body = body
	}
	n, err := o.body.Read(p)
	o.offset += int64(n)
	if errors.Is(err, io.EOF) && o.offset < o.size {
		return n, io.ErrUnexpectedEOF
	}
	return n, err
}

func (o *object) Seek(offset int64, whence int) (int64, error) {
	var abs int64
	switch whence {
	case io.SeekStart:
		abs = offset
	case io.SeekCurrent:
		abs = o.offset + offset
	case io.SeekEnd:
		abs = o.size + offset
	default:
		return 0, errors.New("s3blob: bad whence")
	}
	if abs < 0 {
		return 0, errors.New("s3blob: negative position")
	}
	if abs != o.offset && o.body != nil {
		o.body.Close()
		o.body = nil
	}
	o.offset = abs
	return abs, nil
}

func (o *object) Close() error {
	if o.body != nil {
		err := o.body.Close()
		o.body = nil
		return err
	}
	return nil
}
