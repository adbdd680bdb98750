/** Compile-time constants from config/index.ts. */
declare const API_BASE: string;
declare const SUBSCRIBE_TEMPLATES: string[];
declare module '*.css';
declare module '*.png';
