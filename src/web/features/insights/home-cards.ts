/** Home's balance card in a small chunk of its own: no chart code (Home's first load is at its budget). */
export { BalanceCard } from "./BalanceCard";
