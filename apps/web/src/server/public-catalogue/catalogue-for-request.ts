import { cache } from "react";
import { loadCatalogue } from "@/catalogue/load-catalogue";
import { getDeps } from "../deps";
import { publicCatalogue } from "./public-catalogue";

/** The public catalogue for this request (metadata and page share one lookup). */
export const catalogueForRequest = cache(() => publicCatalogue(getDeps().db, loadCatalogue()));
