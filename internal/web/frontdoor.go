package web

import (
	"net/http"
	"net/url"
	"strconv"

	"cairn/internal/app"
	"cairn/internal/csc"
)

type frontDoorData struct {
	Queue  app.Queue
	Teams  []csc.Team
	Page   int
	Pages  int
	Query  url.Values
	Filter string // a description of the filters applied
}

// frontDoor is the MASH queue: open contacts, most overdue first.
func (s *Server) frontDoor(w http.ResponseWriter, r *http.Request, actor csc.Actor) error {
	q := r.URL.Query()
	page, _ := strconv.Atoi(q.Get("page"))
	page = max(page, 1)
	const perPage = 50
	cq := csc.ContactQuery{RAG: csc.RAG(q.Get("rag")), Source: q.Get("source"), TeamID: formID(q.Get("team")),
		Limit: perPage, Offset: (page - 1) * perPage}
	if q.Get("rag") == "none" {
		cq.RAG = "none"
	}
	queue, err := s.app.FrontDoorQueue(r.Context(), actor, cq)
	if err != nil {
		return err
	}
	teams, err := s.app.Teams(r.Context(), actor)
	if err != nil {
		return err
	}
	d := frontDoorData{Queue: queue, Teams: teams, Page: page, Pages: (queue.Total + perPage - 1) / perPage, Query: q}
	s.render(w, r, http.StatusOK, "frontdoor", &view{Title: "Front door", Nav: "front-door", Data: d, Form: q})
	return nil
}
