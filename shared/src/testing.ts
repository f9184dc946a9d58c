// @maillage/shared/testing: fixtures for the tests of every package; never imported by the app.
export * from './docs/catalogue/testing';
export * from './docs/patientCase/testing';
