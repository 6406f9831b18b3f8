/**
 * The advisor's HTTP/event contract as tests, written once and published in app-core's test-jar
 * (which holds this package only). Each packaging extends {@link
 * com.example.inframodels.core.contract.AdvisorContract} with a {@link
 * com.example.inframodels.core.contract.ContractClient} that reaches its real artifact.
 */
package com.example.inframodels.core.contract;
