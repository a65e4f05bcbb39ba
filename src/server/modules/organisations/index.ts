export {
  countOrganisations,
  getOrganisation,
  insertOrganisation,
  type OrganisationRow,
  presentOrganisation,
} from "./organisations.repo";
export { organisations } from "./organisations.table";
