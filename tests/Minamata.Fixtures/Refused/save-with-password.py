"""Saves a document as a password-protected DOCX with LibreOffice, the way 'Save with password' does.

Debian's msoffcrypto-tool (5.0.0) only decrypts, so LibreOffice encrypts (ECMA-376 standard
encryption, through its OOXML filter's EncryptionData) and build.sh checks the result with
msoffcrypto-tool. Usage: python3 save-with-password.py SOURCE TARGET PASSWORD PROFILE_DIR
"""
import os
import subprocess
import sys
import time

import uno
from com.sun.star.beans import NamedValue, PropertyValue


def prop(name, value):
    p = PropertyValue()
    p.Name = name
    p.Value = value
    return p


source, target, password, profile = sys.argv[1:5]
pipe = "minamata-save-with-password-%d" % os.getpid()
office = subprocess.Popen(
    ["soffice", "--headless", "--norestore", "-env:UserInstallation=file://" + os.path.abspath(profile),
     "--accept=pipe,name=%s;urp;" % pipe],
    stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
try:
    local = uno.getComponentContext()
    resolver = local.ServiceManager.createInstanceWithContext("com.sun.star.bridge.UnoUrlResolver", local)
    for _ in range(150):
        try:
            context = resolver.resolve("uno:pipe,name=%s;urp;StarOffice.ComponentContext" % pipe)
            break
        except Exception:
            time.sleep(0.2)
    else:
        sys.exit("LibreOffice did not start within 30 s")
    desktop = context.ServiceManager.createInstanceWithContext("com.sun.star.frame.Desktop", context)
    document = desktop.loadComponentFromURL(uno.systemPathToFileUrl(os.path.abspath(source)), "_blank", 0, (prop("Hidden", True),))
    # The OOXML filter encrypts when the media descriptor carries EncryptionData with OOXPassword;
    # the plain "Password" property is ignored for DOCX.
    encryption = uno.Any("[]com.sun.star.beans.NamedValue",
                         (NamedValue("OOXPassword", password), NamedValue("CryptoType", "Standard")))
    document.storeToURL(uno.systemPathToFileUrl(os.path.abspath(target)),
                        (prop("FilterName", "MS Word 2007 XML"), prop("EncryptionData", encryption)))
    document.close(True)
finally:
    office.kill()
    office.wait(timeout=30)
