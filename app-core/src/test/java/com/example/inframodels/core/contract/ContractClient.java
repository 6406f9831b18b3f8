package com.example.inframodels.core.contract;

/** Sends a contract request to the artifact under test: over HTTP, as a Lambda event, ... */
@FunctionalInterface
public interface ContractClient {
  ContractResponse send(ContractRequest request) throws Exception;
}
