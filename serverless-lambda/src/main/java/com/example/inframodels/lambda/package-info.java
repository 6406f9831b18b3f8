/**
 * Serverless: the advisor as AWS Lambda handlers. Both translate API Gateway HTTP API (payload 2.0)
 * events, or a workload sent directly, into app-core's contract and back with this module's {@code
 * ApiGatewayEvents}; nothing else.
 */
package com.example.inframodels.lambda;
