package api

// assessmentRoutes are the API routes of this part of the record.
var assessmentRoutes = []route{}
