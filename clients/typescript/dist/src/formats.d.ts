export declare const patterns: {
    readonly "CreateAccount.country": "^[A-Z]{2}$";
    readonly "CreateAccount.domain": "^[a-z0-9][a-z0-9-]{1,61}[a-z0-9]$";
    readonly "CreateAllocation.serials": "^[0-9]{12}$";
    readonly "CreateKeyBatch.keys": "^[\\t\\n\\f\\r -]*([BCDFGHJKMPQRTVWXY2346789bcdfghjkmpqrtvwxy][\\t\\n\\f\\r -]*){25}$";
    readonly "CreateProduct.sku": "^[A-Z0-9-]{2,64}$";
    readonly "CreateReturn.serials": "^[0-9]{12}$";
    readonly "CreateRevocation.serials": "^[0-9]{12}$";
    readonly "InviteReseller.partner_number": "^[0-9]{7}$";
    readonly "KeyInput.key": "^[\\t\\n\\f\\r -]*([BCDFGHJKMPQRTVWXY2346789bcdfghjkmpqrtvwxy][\\t\\n\\f\\r -]*){25}$";
    readonly "PartnerOfRecordInput.partner_number": "^[0-9]{7}$";
    readonly "SerialRange.from": "^[0-9]{12}$";
    readonly "SerialRange.to": "^[0-9]{12}$";
    readonly "SignUp.country": "^[A-Z]{2}$";
    readonly "SignUp.domain": "^[a-z0-9][a-z0-9-]{1,61}[a-z0-9]$";
    readonly "SignUp.key": "^[\\t\\n\\f\\r -]*([BCDFGHJKMPQRTVWXY2346789bcdfghjkmpqrtvwxy][\\t\\n\\f\\r -]*){25}$";
};
