// Run a generated Apps Script under Node against a minimal recorder of the FormApp calls
// it makes (and of the Google Forms API service, with --forms-api), then print what the
// form would hold as JSON. The real services cannot be reached from a test; this checks
// that the script runs and makes the calls that create the exported questions.
"use strict";
const fs = require("fs");
const vm = require("vm");

const [file, flag] = process.argv.slice(2);
const form = { title: null, isQuiz: false, description: null, items: [], batch: [], log: [] };

function chain(target, names, store) {
  for (const name of names) {
    target[name] = (value) => { store[name] = value; return target; };
  }
  return target;
}

function feedbackBuilder() {
  const fb = {};
  const builder = {
    setText: (text) => { fb.text = text; return builder; },
    build: () => ({ feedback: fb.text }),
  };
  return builder;
}

function item(type) {
  const record = { type, index: form.items.length };
  form.items.push(record);
  const api = { getIndex: () => record.index };
  chain(api, ["setTitle", "setPoints", "setRequired", "setHelpText"], record);
  api.setFeedbackForCorrect = (f) => { record.feedbackCorrect = f.feedback; return api; };
  api.setFeedbackForIncorrect = (f) => { record.feedbackIncorrect = f.feedback; return api; };
  api.setGeneralFeedback = (f) => { record.generalFeedback = f.feedback; return api; };
  api.createChoice = (value, isCorrect) => ({ value, isCorrect });
  api.setChoices = (choices) => {
    if (!Array.isArray(choices) || choices.some((c) => typeof c.value !== "string")) {
      throw new Error("setChoices needs Choice objects");
    }
    record.choices = choices;
    return api;
  };
  return api;
}

const formApi = {
  setIsQuiz: (on) => { form.isQuiz = on; return formApi; },
  setDescription: (text) => { form.description = text; return formApi; },
  addMultipleChoiceItem: () => item("MULTIPLE_CHOICE"),
  addTextItem: () => item("TEXT"),
  getId: () => "FORM-ID",
  getEditUrl: () => "https://docs.google.com/forms/d/FORM-ID/edit",
  getPublishedUrl: () => "https://docs.google.com/forms/d/e/FORM-ID/viewform",
};

const context = {
  FormApp: {
    create: (title) => { form.title = title; return formApi; },
    createFeedback: feedbackBuilder,
  },
  Logger: { log: (text) => form.log.push(String(text)) },
};
if (flag === "--forms-api") {
  context.Forms = { Forms: { batchUpdate: (request, id) => { form.batch.push({ id, request }); } } };
}
vm.createContext(context);
vm.runInContext(fs.readFileSync(file, "utf8"), context, { filename: file });
vm.runInContext("createQuiz()", context);
process.stdout.write(JSON.stringify(form));
