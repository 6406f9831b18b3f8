/**
 * Container: the advisor packaged as an OCI image by Jib. All behaviour comes from app-core; this
 * package only boots it.
 */
package com.example.inframodels.container;
