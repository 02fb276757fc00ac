package api

import (
	"mime"
	"net/http"
	"strconv"

	"cairn/internal/csc"
)

// documentJSON is a document's metadata; its content is at URL.
type documentJSON struct {
	ID          int64   `json:"id"`
	ChildID     int64   `json:"child_id"`
	Kind        string  `json:"kind"`
	Title       string  `json:"title"`
	MediaType   string  `json:"media_type"`
	Size        int     `json:"size"`
	SHA256      string  `json:"sha256"`
	SourceType  string  `json:"source_type"`
	SourceID    *int64  `json:"source_id"`
	CreatedAt   string  `json:"created_at"`
	CreatedByID *int64  `json:"created_by_id"`
	CreatedBy   string  `json:"created_by"`
	URL         string  `json:"url"`
	SourceURL   *string `json:"source_url"`
}

func documentOf(d *csc.Document) documentJSON {
	out := documentJSON{ID: d.ID, ChildID: d.ChildID, Kind: d.Kind, Title: d.Title, MediaType: d.MediaType,
		Size: d.Size, SHA256: d.SHA256, SourceType: d.SourceType, SourceID: ref(d.SourceID),
		CreatedAt: instant(d.CreatedAt), CreatedByID: ref(d.CreatedByID), CreatedBy: d.CreatedBy,
		URL: link("documents", d.ID)}
	if d.SourceType == "contact" {
		out.SourceURL = optLink("contacts", d.SourceID)
	}
	return out
}

// documentExtensions gives the file extension of a download by media type.
var documentExtensions = map[string]string{
	"application/pdf": ".pdf",
	"text/plain":      ".txt",
	"image/png":       ".png",
	"image/jpeg":      ".jpg",
}

// openDocument answers GET /documents/{id} with the file itself. The file
// name in Content-Disposition is built from the id alone: a header is
// logged by proxies, so it must never carry a child's name. nosniff and a
// sandboxing policy stop a browser treating the bytes as anything but what
// they are.
func (s *server) openDocument(w http.ResponseWriter, r *http.Request, actor csc.Actor) error {
	id, err := pathID(r)
	if err != nil {
		return err
	}
	d, err := s.app.OpenDocument(r.Context(), actor, id)
	if err != nil {
		return err
	}
	mt, _, err := mime.ParseMediaType(d.MediaType)
	if err != nil {
		mt = "application/octet-stream"
	}
	ext, ok := documentExtensions[mt]
	if !ok {
		ext = ".bin"
	}
	h := w.Header()
	h.Set("Content-Type", mt)
	h.Set("Content-Length", strconv.Itoa(len(d.Content)))
	h.Set("Content-Disposition", `attachment; filename="document-`+strconv.FormatInt(d.ID, 10)+ext+`"`)
	h.Set("Content-Security-Policy", "default-src 'none'; sandbox")
	w.WriteHeader(http.StatusOK)
	// A failed write means the client has gone: there is nobody to tell.
	_, _ = w.Write(d.Content)
	return nil
}
