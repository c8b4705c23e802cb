package store

import (
	"database/sql"
	"math/rand/v2"
	"sort"
	"strconv"
	"strings"
	"testing"
)

// scoreShared ranks like "GROUP BY id ORDER BY COUNT(*) DESC, id DESC
// LIMIT candidates" over the lists' ids, which the related-articles query
// did in SQL before.
func TestScoreSharedRanksLikeGroupBy(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	for round := 0; round < 200; round++ {
		var lists []sql.NullString
		counts := map[int64]int64{}
		for range r.IntN(relatedTerms + 1) {
			seen := map[int64]bool{}
			var ids []string
			for range r.IntN(relatedPool + 1) {
				id := int64(1 + r.IntN(300))
				if !seen[id] {
					seen[id] = true
					counts[id]++
					ids = append(ids, strconv.FormatInt(id, 10))
				}
			}
			lists = append(lists, sql.NullString{String: strings.Join(ids, ","), Valid: len(ids) > 0})
		}
		var want []sharedScore
		for id, n := range counts {
			want = append(want, sharedScore{id, n})
		}
		sort.Slice(want, func(i, j int) bool {
			if want[i].n != want[j].n {
				return want[i].n > want[j].n
			}
			return want[i].id > want[j].id
		})
		want = want[:min(len(want), candidates)]
		got := scoreShared(lists)
		if len(got) != len(want) {
			t.Fatalf("round %d: %d candidates, want %d", round, len(got), len(want))
		}
		for i := range want {
			if got[i] != want[i] {
				t.Fatalf("round %d: candidate %d is %+v, want %+v", round, i, got[i], want[i])
			}
		}
	}
}

func BenchmarkScoreShared(b *testing.B) {
	var lists []sql.NullString
	for t := range 5 {
		var ids []string
		for i := range relatedPool {
			ids = append(ids, strconv.Itoa(99999-i*(t+1)))
		}
		lists = append(lists, sql.NullString{String: strings.Join(ids, ","), Valid: true})
	}
	b.ReportAllocs()
	for b.Loop() {
		scoreShared(lists)
	}
}
