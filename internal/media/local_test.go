package media_test

import (
	"testing"

	"github.com/masthead-news/masthead/internal/media"
	"github.com/masthead-news/masthead/internal/media/blobtest"
)

func TestLocalBlobContract(t *testing.T) {
	blobtest.Run(t, func(t *testing.T) media.Blob { return media.LocalBlob{Root: t.TempDir()} })
}
