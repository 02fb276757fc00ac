package api

// protectionRoutes are the API routes of this part of the record.
var protectionRoutes = []route{}
