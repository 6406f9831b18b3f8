/**
 * Where the prices come from: the price catalogue bundled in app-core ({@code
 * price-catalogues/aws-us-east-1.json}) or an operator's JSON file of the same shape, read and
 * validated into the domain's {@link com.example.inframodels.core.estimate.PriceCatalogue}.
 */
package com.example.inframodels.core.catalogue;
