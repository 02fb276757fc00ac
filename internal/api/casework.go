package api

// caseworkRoutes are the API routes of this part of the record.
var caseworkRoutes = []route{}
