/**
 * The HTTP/event contract of the advisor, once, for every packaging: routes, methods, media types,
 * size limit, JSON in and out, and RFC 9457 problem details for every client mistake. Plain Java
 * plus Jackson: an adapter turns its native request (a servlet request, an API Gateway event) into
 * an {@link com.example.inframodels.core.api.ApiRequest} and writes back the {@link
 * com.example.inframodels.core.api.ApiResponse}.
 */
package com.example.inframodels.core.api;
